package dev.docklab.shell.interp;

import dev.docklab.shell.line.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a command's words into its argument list, running each {@code $(...)} through
 * {@code substitute} (which returns what the inner line printed) and putting in {@code $?}.
 */
final class Expander {
  private Expander() {}

  static List<String> expand(List<Syntax.Word> words, Function<Syntax.Line, String> substitute, int lastStatus) {
    List<String> out = new ArrayList<>();
    for (Syntax.Word w : words) {
      StringBuilder current = null;
      for (Syntax.Part p : w.parts()) {
        if (p instanceof Syntax.Literal l) {
          current = (current == null ? new StringBuilder() : current).append(l.text());
        } else if (p instanceof Syntax.Status) {
          current = (current == null ? new StringBuilder() : current).append(lastStatus);
        } else if (p instanceof Syntax.Substitution sub) {
          String text = stripTrailingNewlines(substitute.apply(sub.line()));
          if (sub.quoted()) {
            current = (current == null ? new StringBuilder() : current).append(text);
            continue;
          }
          String[] fields = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
          boolean leadingBlank = !text.isEmpty() && Character.isWhitespace(text.charAt(0));
          for (int f = 0; f < fields.length; f++) {
            if (f > 0 || leadingBlank) {
              if (current != null) {
                out.add(current.toString());
              }
              current = null;
            }
            current = (current == null ? new StringBuilder() : current).append(fields[f]);
          }
        }
      }
      if (current != null) {
        out.add(current.toString());
      }
    }
    return out;
  }

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }
}
