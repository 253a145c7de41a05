package dev.docklab.lessons.mistake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of a docker line, as far as the mistake detectors (and undo, for a push) need them: the
 * subcommand, the value of a flag, and the operands after the flags.
 */
public record DockerLine(String command, List<String> words) {
  /** Flags of run, create and exec that take a value as the next word. */
  private static final Set<String> WITH_VALUE = Set.of("-p", "--publish", "-v", "--volume", "--name", "-e", "--env",
      "-w", "--workdir", "-u", "--user", "-l", "--label", "--restart", "--network", "--net", "-m", "--memory",
      "--pids-limit", "--entrypoint", "--mount", "--expose", "-h", "--hostname", "--cpus", "--security-opt",
      "--cap-add", "--cap-drop", "--add-host", "--dns", "--env-file", "--platform", "--stop-signal", "--stop-timeout",
      "--ulimit", "--device", "--tmpfs", "--cidfile", "--label-file", "--ip", "--log-driver");

  /** The docker line {@code line} is ({@code docker} optional), or null when it is none. */
  public static DockerLine parse(String line) {
    List<String> w = split(line);
    if (!w.isEmpty() && w.get(0).equals("docker")) {
      w.remove(0);
    }
    if (!w.isEmpty() && (w.get(0).equals("container") || w.get(0).equals("image"))) {
      w.remove(0);
    }
    if (w.isEmpty()) {
      return null;
    }
    return new DockerLine(w.get(0), List.copyOf(w.subList(1, w.size())));
  }

  /** The values of {@code flags} ({@code --name X} and {@code --name=X}), in order. */
  List<String> values(String... flags) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (String f : flags) {
        if (word.equals(f) && i + 1 < words.size()) {
          found.add(words.get(i + 1));
        } else if (word.startsWith(f + "=")) {
          found.add(word.substring(f.length() + 1));
        }
      }
    }
    return found;
  }

  /** The words after the flags: the image or container, then its command. */
  public List<String> operands() {
    List<String> rest = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i);
      if (!word.startsWith("-") || word.equals("-")) {
        break;
      }
      i += WITH_VALUE.contains(word) ? 2 : 1;
    }
    for (; i < words.size(); i++) {
      rest.add(words.get(i));
    }
    return rest;
  }

  /** Words split on blanks, quotes kept together; stops at the first ; | & of a compound line. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean in = false;
    for (char c : line.strip().toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        in = true;
      } else if (c == ';' || c == '|' || c == '&') {
        break;
      } else if (Character.isWhitespace(c)) {
        if (in) {
          words.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
      } else {
        cur.append(c);
        in = true;
      }
    }
    if (in) {
      words.add(cur.toString());
    }
    return words;
  }
}
