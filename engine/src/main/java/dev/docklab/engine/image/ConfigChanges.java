package dev.docklab.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.ImageConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dockerfile instructions that change only an image's config ({@code docker commit -c 'CMD ["sh"]'}):
 * CMD, ENTRYPOINT (exec or shell form), ENV, WORKDIR, USER, LABEL, EXPOSE, STOPSIGNAL.
 */
public final class ConfigChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigChanges() {}

  public static ImageConfig.RunConfig apply(ImageConfig.RunConfig base, List<String> changes) {
    ImageConfig.RunConfig c = base;
    for (String change : changes) {
      String line = change.strip();
      int sp = line.indexOf(' ');
      String instr = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
      String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
      List<String> env = new ArrayList<>(c.envOrEmpty());
      Map<String, String> labels = c.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.labels());
      Map<String, Object> ports = c.exposedPorts() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.exposedPorts());
      switch (instr) {
        case "CMD" -> c = new ImageConfig.RunConfig(c.user(), c.env(), c.entrypoint(), command(rest), c.workingDir(),
            c.labels(), c.exposedPorts(), c.volumes(), c.stopSignal());
        case "ENTRYPOINT" -> c = new ImageConfig.RunConfig(c.user(), c.env(), command(rest), c.cmd(), c.workingDir(),
            c.labels(), c.exposedPorts(), c.volumes(), c.stopSignal());
        case "ENV" -> {
          for (String[] kv : pairs(rest, instr)) {
            env.removeIf(e -> e.startsWith(kv[0] + "="));
            env.add(kv[0] + "=" + kv[1]);
          }
          c = new ImageConfig.RunConfig(c.user(), env, c.entrypoint(), c.cmd(), c.workingDir(), c.labels(),
              c.exposedPorts(), c.volumes(), c.stopSignal());
        }
        case "LABEL" -> {
          for (String[] kv : pairs(rest, instr)) {
            labels.put(kv[0], kv[1]);
          }
          c = new ImageConfig.RunConfig(c.user(), c.env(), c.entrypoint(), c.cmd(), c.workingDir(), labels,
              c.exposedPorts(), c.volumes(), c.stopSignal());
        }
        case "EXPOSE" -> {
          for (String p : rest.split("\\s+")) {
            ports.put(p.contains("/") ? p : p + "/tcp", Map.of());
          }
          c = new ImageConfig.RunConfig(c.user(), c.env(), c.entrypoint(), c.cmd(), c.workingDir(), c.labels(),
              ports, c.volumes(), c.stopSignal());
        }
        case "WORKDIR" -> c = new ImageConfig.RunConfig(c.user(), c.env(), c.entrypoint(), c.cmd(), rest, c.labels(),
            c.exposedPorts(), c.volumes(), c.stopSignal());
        case "USER" -> c = new ImageConfig.RunConfig(rest, c.env(), c.entrypoint(), c.cmd(), c.workingDir(),
            c.labels(), c.exposedPorts(), c.volumes(), c.stopSignal());
        case "STOPSIGNAL" -> c = new ImageConfig.RunConfig(c.user(), c.env(), c.entrypoint(), c.cmd(),
            c.workingDir(), c.labels(), c.exposedPorts(), c.volumes(), rest);
        default -> throw EngineException.invalid("dockerfile parse error on line 1: unknown instruction: " + instr
            + " (commit --change takes CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, WORKDIR)");
      }
    }
    return c;
  }

  /** The exec form {@code ["a", "b"]}, or the shell form run by {@code /bin/sh -c}. */
  static List<String> command(String rest) {
    if (rest.startsWith("[")) {
      try {
        return JSON.readValue(rest, new TypeReference<List<String>>() {});
      } catch (IOException e) {
        // not valid JSON: Docker then treats it as the shell form
      }
    }
    return List.of("/bin/sh", "-c", rest);
  }

  private static List<String[]> pairs(String rest, String instr) {
    List<String[]> out = new ArrayList<>();
    if (!rest.contains("=")) {
      int sp = rest.indexOf(' ');
      if (sp < 0) {
        throw EngineException.invalid(instr + " names can not be blank");
      }
      out.add(new String[] {rest.substring(0, sp), rest.substring(sp + 1).strip()});
      return out;
    }
    for (String kv : words(rest)) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw EngineException.invalid("Syntax error - can't find = in \"" + kv + "\". Must be of the form: name=value");
      }
      out.add(new String[] {kv.substring(0, eq), kv.substring(eq + 1)});
    }
    return out;
  }

  /**
   * Splits {@code a="x y" b='z' c=d\ e} into words as Docker's Dockerfile parser does: whitespace
   * separates words except inside quotes or after a backslash; the quotes themselves are removed.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else if (ch == '\\' && quote == '"' && i + 1 < text.length()
            && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
          w.append(text.charAt(++i));
        } else {
          w.append(ch);
        }
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (ch == '"' || ch == '\'') {
          quote = ch;
        } else if (ch == '\\' && i + 1 < text.length()) {
          w.append(text.charAt(++i));
        } else {
          w.append(ch);
        }
      }
    }
    if (quote != 0) {
      throw EngineException.invalid("unexpected end of statement while looking for matching " + quote);
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

}
