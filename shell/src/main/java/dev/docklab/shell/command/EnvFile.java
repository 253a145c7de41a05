package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The docker client's {@code --env-file}: {@code KEY=VALUE} lines (the value passed through as is), blank lines
 * and {@code #} comments skipped, and a bare {@code KEY} taking its value from the client's own environment (or
 * dropped when it has none).
 */
final class EnvFile {
  private static final String BLANKS = " \t";

  private EnvFile() {}

  /** The entries of {@code file} (relative to {@code workspace}), a bare key looked up in {@code environment}. */
  static List<String> read(String file, Path workspace, Function<String, String> environment) {
    String text;
    try {
      Path path = workspace.resolve(file);
      if (Files.isDirectory(path)) {
        throw EngineException.invalid("read " + file + ": is a directory");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
    } catch (NoSuchFileException e) {
      throw EngineException.invalid("open " + file + ": no such file or directory");
    } catch (CharacterCodingException e) {
      throw EngineException.invalid("env file " + file + " contains invalid utf8 bytes");
    } catch (IOException e) {
      throw EngineException.invalid("open " + file + ": " + e.getMessage());
    }
    return parse(text, environment);
  }

  /** The entries of an env file's text, as the docker client reads them. */
  static List<String> parse(String text, Function<String, String> environment) {
    List<String> out = new ArrayList<>();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = stripLeadingBlanks(eq < 0 ? line : line.substring(0, eq));
      if (key.chars().anyMatch(c -> BLANKS.indexOf(c) >= 0)) {
        throw badKey("variable '" + key + "' contains whitespaces");
      }
      if (key.isEmpty()) {
        throw badKey("no variable name on line '" + line + "'");
      }
      if (eq >= 0) {
        out.add(key + "=" + line.substring(eq + 1));
      } else {
        String value = environment.apply(key);
        if (value != null) {
          out.add(key + "=" + value);
        }
      }
    }
    return out;
  }

  private static String stripLeadingBlanks(String s) {
    int i = 0;
    while (i < s.length() && BLANKS.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return s.substring(i);
  }

  private static EngineException badKey(String why) {
    return EngineException.invalid("poorly formatted environment: " + why);
  }
}
