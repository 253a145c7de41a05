package dev.docklab.engine.build;

import dev.docklab.engine.api.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed Dockerfile: instructions with their line numbers, after parser directives
 * ({@code # escape=`}), comments and line continuations are dealt with.
 */
public final class Dockerfile {
  static final Set<String> KNOWN = Set.of("FROM", "MAINTAINER", "LABEL", "RUN", "CMD", "ENTRYPOINT", "ENV", "ARG",
      "WORKDIR", "COPY", "ADD", "EXPOSE", "VOLUME", "USER", "SHELL", "STOPSIGNAL", "HEALTHCHECK", "ONBUILD");

  /** One instruction: where it is, its keyword, its {@code --flags}, and the rest as written. */
  public record Instruction(int line, String keyword, List<String> flags, String args) {
    /** The instruction as Docker prints it in {@code Step N/M : ...}. */
    public String text() {
      return keyword + (flags.isEmpty() ? "" : " " + String.join(" ", flags)) + (args.isEmpty() ? "" : " " + args);
    }

    /** A flag's value ({@code --from=builder} gives {@code builder}), or null. */
    public String flag(String name) {
      for (String f : flags) {
        if (f.startsWith("--" + name + "=")) {
          return f.substring(name.length() + 3);
        }
      }
      return null;
    }
  }

  private Dockerfile() {}

  public static List<Instruction> parse(String text, String fileName) {
    List<Instruction> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    char escape = '\\';
    int i = 0;
    // parser directives: only at the very top, as "# key=value"
    while (i < lines.length && lines[i].matches("\\s*#\\s*[a-zA-Z]+\\s*=.*")) {
      String d = lines[i].replaceFirst("\\s*#\\s*", "");
      if (d.toLowerCase(Locale.ROOT).startsWith("escape")) {
        String v = d.substring(d.indexOf('=') + 1).strip();
        escape = v.isEmpty() ? '\\' : v.charAt(0);
      }
      i++;
    }
    while (i < lines.length) {
      String line = lines[i].strip();
      int start = i + 1;
      i++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      StringBuilder full = new StringBuilder();
      while (line.endsWith(String.valueOf(escape))) {
        // as Docker joins them: nothing added, the next line's indentation kept; comment and empty lines skipped
        full.append(line, 0, line.length() - 1);
        line = "";
        while (i < lines.length) {
          String next = lines[i++].stripTrailing();
          if (!next.isBlank() && !next.strip().startsWith("#")) {
            line = next;
            break;
          }
        }
      }
      full.append(line);
      String s = full.toString().strip();
      int sp = s.indexOf(' ');
      String keyword = (sp < 0 ? s : s.substring(0, sp)).toUpperCase(Locale.ROOT);
      String rest = sp < 0 ? "" : s.substring(sp + 1).strip();
      if (!KNOWN.contains(keyword)) {
        throw EngineException.invalid(fileName + ":" + start + ": unknown instruction: "
            + (sp < 0 ? s : s.substring(0, sp)) + " (dockerfile parse error on line " + start + ")");
      }
      List<String> flags = new ArrayList<>();
      if (Set.of("COPY", "ADD", "FROM", "RUN").contains(keyword)) {
        while (rest.startsWith("--")) {
          int e = rest.indexOf(' ');
          flags.add(e < 0 ? rest : rest.substring(0, e));
          rest = e < 0 ? "" : rest.substring(e + 1).strip();
        }
      }
      if (rest.isEmpty() && !keyword.equals("HEALTHCHECK")) {
        throw EngineException.invalid(fileName + ":" + start + ": " + keyword + " requires at least one argument");
      }
      out.add(new Instruction(start, keyword, flags, rest));
    }
    if (out.isEmpty()) {
      throw EngineException.invalid(fileName + ": the Dockerfile has no instructions (file with no instructions)");
    }
    if (!out.get(0).keyword().equals("FROM") && !out.get(0).keyword().equals("ARG")) {
      throw EngineException.invalid(fileName + ":" + out.get(0).line()
          + ": no build stage in current context: the first instruction must be FROM");
    }
    return out;
  }
}
