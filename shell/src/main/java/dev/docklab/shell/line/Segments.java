package dev.docklab.shell.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into the commands joined by {@code ;}, {@code &&} and {@code ||} at its top level
 * (not inside quotes or {@code $(...)}), keeping each command's text as typed, so that each can go to
 * docklab or to the host's shell on its own.
 */
public final class Segments {
  private Segments() {}

  /** One command as typed, and how it joins to the one before it. */
  public record Segment(Script.Join join, String text) {}

  public static List<Segment> split(String line) {
    List<Segment> out = new ArrayList<>();
    Script.Join join = Script.Join.ALWAYS;
    StringBuilder cur = new StringBuilder();
    boolean single = false;
    boolean dbl = false;
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!single && c == '\\' && i + 1 < line.length()) {
        cur.append(c).append(line.charAt(++i));
        continue;
      }
      if (!dbl && c == '\'' && depth == 0) {
        single = !single;
      } else if (!single && c == '"') {
        dbl = !dbl;
      } else if (!single && c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        depth++;
        cur.append("$(");
        i++;
        continue;
      } else if (!single && depth > 0 && c == ')') {
        depth--;
      } else if (!single && !dbl && depth == 0 && (c == ';' || line.startsWith("&&", i) || line.startsWith("||", i))) {
        out.add(new Segment(join, cur.toString()));
        cur.setLength(0);
        join = c == ';' ? Script.Join.ALWAYS : c == '&' ? Script.Join.IF_OK : Script.Join.IF_FAILED;
        i += c == ';' ? 0 : 1;
        continue;
      }
      cur.append(c);
    }
    out.add(new Segment(join, cur.toString()));
    return out.stream().filter(s -> !s.text().isBlank() || s.join() != Script.Join.ALWAYS).toList();
  }

  /**
   * Splits {@code text} at its first top-level pipe ({@code |}, not {@code ||}), outside quotes and
   * {@code $(...)}: the command before it, and the pipeline after it. Null when there is no pipe.
   */
  public static String[] splitPipe(String text) {
    return splitAt(text, '|');
  }

  /**
   * Splits {@code text} at its last top-level pipe: the pipeline before it, and the command after it
   * ({@code cat pw.txt | docker login --password-stdin}). Null when there is no pipe.
   */
  public static String[] splitLastPipe(String text) {
    String[] first = splitPipe(text);
    if (first == null) {
      return null;
    }
    String[] rest = splitLastPipe(first[1]);
    return rest == null ? first : new String[] {first[0] + "|" + rest[0], rest[1]};
  }

  /** Splits at the first top-level input redirection ({@code < FILE}); null when none. */
  public static String[] splitInput(String text) {
    String[] parts = splitAt(text, '<');
    return parts == null ? null : new String[] {parts[0], parts[1].strip()};
  }

  /** Splits at the first top-level output redirection ({@code >} or {@code >>}); null when none. */
  public static String[] splitRedirect(String text) {
    String[] parts = splitAt(text, '>');
    return parts == null ? null : new String[] {parts[0], ">" + parts[1]};
  }

  private static String[] splitAt(String text, char op) {
    boolean single = false;
    boolean dbl = false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!single && c == '\\') {
        i++;
      } else if (!dbl && c == '\'' && depth == 0) {
        single = !single;
      } else if (!single && c == '"') {
        dbl = !dbl;
      } else if (!single && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        depth++;
        i++;
      } else if (!single && depth > 0 && c == ')') {
        depth--;
      } else if (!single && !dbl && depth == 0 && c == op) {
        if (op == '|' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
          i++;
          continue;
        }
        return new String[] {text.substring(0, i), text.substring(i + 1)};
      }
    }
    return null;
  }

  /** Whether the command uses a pipe or a redirection outside quotes (only the host's shell has them). */
  public static boolean usesShellPlumbing(String text) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!single && c == '\\') {
        i++;
      } else if (!dbl && c == '\'') {
        single = !single;
      } else if (!single && c == '"') {
        dbl = !dbl;
      } else if (!single && !dbl && (c == '|' || c == '>' || c == '<' || (c == '&' && !text.startsWith("&&", i)))) {
        return true;
      }
    }
    return false;
  }
}
