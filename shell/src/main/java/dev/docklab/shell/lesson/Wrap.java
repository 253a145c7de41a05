package dev.docklab.shell.lesson;

import dev.docklab.shell.render.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Text wrapped by display width (a CJK character takes two columns): broken at spaces, or between
 * two CJK characters, never inside a word, with CJK punctuation kept beside the character before it.
 */
final class Wrap {
  private Wrap() {}

  /** {@code text} in lines of at most {@code width} columns, each starting with {@code indent}. */
  static List<String> lines(String text, String indent, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder(indent);
      int used = indent.length();
      int i = 0;
      while (i < paragraph.length()) {
        int end = nextBreak(paragraph, i);
        String piece = paragraph.substring(i, end);
        if (used + Text.width(piece) > width && used > indent.length()) {
          lines.add(line.toString().stripTrailing());
          line = new StringBuilder(indent);
          used = indent.length();
          piece = piece.stripLeading();
        }
        line.append(piece);
        used += Text.width(piece);
        i = end;
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Where the piece from {@code i} ends: spaces, then a word or one CJK character (with its punctuation). */
  private static int nextBreak(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    if (j < s.length() && wide(s.charAt(j))) {
      j++;
      while (j < s.length() && "，。、；：！？）」』”’》".indexOf(s.charAt(j)) >= 0) {
        j++;
      }
      return j;
    }
    while (j < s.length() && s.charAt(j) != ' ' && !wide(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean wide(char c) {
    return Text.width(String.valueOf(c)) == 2;
  }
}
