package dev.docklab.shell.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.SecurityOpts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The docker client's side of {@code --security-opt}: every option but {@code no-new-privileges} needs a
 * value, and {@code seccomp=FILE} is read (from the learner's workspace) and sent as its JSON, so that the
 * container keeps its profile even if the file goes.
 */
final class SecurityOptions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecurityOptions() {}

  /** The values to send to the engine; a bad one is the docker client's error. */
  static List<String> read(List<String> values, Path workspace) {
    List<String> out = new ArrayList<>();
    for (String opt : values) {
      if (opt.equals("systempaths=unconfined")) {
        continue; // the client's own: no masked or read-only /proc paths (HardeningFlags)
      }
      int sep = opt.indexOf('=');
      if (sep < 0 && !opt.equals("no-new-privileges")) {
        sep = opt.indexOf(':');
      }
      String key = sep < 0 ? opt : opt.substring(0, sep);
      String value = sep < 0 ? "" : opt.substring(sep + 1);
      if (value.isEmpty() && !key.equals("no-new-privileges")) {
        throw EngineException.invalid("Invalid --security-opt: " + SecurityOpts.quote(opt));
      }
      if (key.equals("seccomp") && !value.equals(SecurityOpts.BUILTIN) && !value.equals(SecurityOpts.UNCONFINED)) {
        out.add("seccomp=" + profileJson(value, workspace));
      } else {
        out.add(opt);
      }
    }
    return out;
  }

  private static String profileJson(String file, Path workspace) {
    Path path = workspace.resolve(file);
    String text;
    try {
      if (Files.isDirectory(path)) {
        throw new IOException("read " + file + ": is a directory");
      }
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw EngineException.invalid("opening seccomp profile (" + file + ") failed: open " + file
          + ": no such file or directory");
    } catch (IOException e) {
      throw EngineException.invalid("opening seccomp profile (" + file + ") failed: " + e.getMessage());
    }
    try {
      return JSON.writeValueAsString(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw EngineException.invalid("compacting json for seccomp profile (" + file + ") failed: "
          + e.getOriginalMessage().lines().findFirst().orElse("not JSON"));
    }
  }
}
