package dev.docklab.engine.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore}: patterns, relative to the context, of files the build never sees ({@code !}
 * re-includes). As on Docker, the last line that matches a path, or one of its directories, decides.
 */
final class Ignore {
  static final Ignore NONE = new Ignore(List.of());
  private final List<Rule> rules;

  /** One line of the file: its pattern, and whether it re-includes what it matches. */
  private record Rule(Pattern pattern, boolean include) {}

  private Ignore(List<Rule> rules) {
    this.rules = rules;
  }

  static Ignore load(Path context) {
    Path f = context.resolve(".dockerignore");
    if (!Files.isRegularFile(f)) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f)) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#")) {
          continue;
        }
        boolean not = p.startsWith("!");
        String glob = (not ? p.substring(1) : p).replaceFirst("^/+", "").replaceFirst("/+$", "");
        rules.add(new Rule(regex(glob), not));
      }
    } catch (IOException e) {
      return NONE;
    }
    return new Ignore(rules);
  }

  /**
   * Docker's pattern as a regular expression: {@code *} and {@code ?} stay within one path segment,
   * {@code **} spans any number of segments (none too), {@code [...]} is a class, {@code \} escapes;
   * what matches a directory matches everything under it.
   */
  private static Pattern regex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("*", i + 1)) {
        i += glob.startsWith("/", i + 2) ? 2 : 1;
        re.append(i == glob.length() - 1 ? ".*" : "(.*/)?");
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[' && glob.indexOf(']', i + 1) > i) {
        int end = glob.indexOf(']', i + 1);
        re.append(glob, i, end + 1);
        i = end;
      } else if (c == '\\' && i + 1 < glob.length()) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re + "(/.*)?");
  }

  boolean excludes(Path relative) {
    String path = relative.toString();
    if (path.isEmpty()) {
      return false; // the context itself
    }
    boolean excluded = false;
    for (Rule r : rules) {
      if (r.pattern().matcher(path).matches()) {
        excluded = !r.include();
      }
    }
    return excluded;
  }
}
