package dev.docklab.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Text wrapped by display width (a CJK character takes two columns): broken at spaces, or between
 * two CJK characters, never inside a word; CJK closing punctuation stays with what comes before it,
 * an opening bracket with what comes after it. A word wider than the line gets a line of its own.
 */
public final class Wrap {
  private static final String CLOSING = "，。、；：！？）」』”’》】";
  private static final String OPENING = "（「『“‘《【";

  private Wrap() {}

  /** {@code text} in lines of at most {@code width} columns, each starting with {@code indent}. */
  public static List<String> lines(String text, String indent, int width) {
    return lines(text, indent, indent, width);
  }

  /**
   * {@code text} in lines of at most {@code width} columns: the first starts with {@code first}, the
   * others with {@code rest} (a hanging indent); a line break in the text starts a new line.
   */
  public static List<String> lines(String text, String first, String rest, int width) {
    List<String> lines = new ArrayList<>();
    String indent = first;
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder(indent);
      int base = Text.width(indent);
      int used = base;
      int i = 0;
      while (i < paragraph.length()) {
        int end = nextBreak(paragraph, i);
        String piece = paragraph.substring(i, end);
        if (used > base && used + Text.width(piece) > width) {
          lines.add(line.toString().stripTrailing());
          line = new StringBuilder(rest);
          base = Text.width(rest);
          used = base;
          piece = piece.stripLeading();
        }
        line.append(piece);
        used += Text.width(piece);
        i = end;
      }
      lines.add(line.toString().stripTrailing());
      indent = rest;
    }
    return lines;
  }

  /**
   * {@code text} in lines of at most {@code width} columns, each of its lines wrapped on its own with
   * its leading spaces as the indent of every line it becomes.
   */
  public static List<String> block(String text, int width) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
      out.addAll(lines(paragraph.stripLeading(), indent, width));
    }
    return out;
  }

  /**
   * A row of a help list: {@code left} padded to {@code column} columns, then {@code text} wrapped to
   * {@code width}, its further lines starting at that column.
   */
  public static List<String> row(String left, int column, String text, int width) {
    String first = left + " ".repeat(Math.max(1, column - Text.width(left)));
    return lines(text, first, " ".repeat(Text.width(first)), width);
  }

  /**
   * A command line in lines of at most {@code width} columns, broken only at spaces outside quotes,
   * each line but the last ending in {@code \} so that the lines still type as one command; the
   * first line starts with {@code indent}, the others two columns further in.
   */
  public static List<String> command(String command, String indent, int width) {
    List<String> lines = new ArrayList<>();
    String rest = indent + "  ";
    StringBuilder line = new StringBuilder(indent);
    boolean empty = true;
    for (String word : words(command)) {
      if (!empty && Text.width(line + " " + word + " \\") > width) {
        lines.add(line + " \\");
        line = new StringBuilder(rest);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
    }
    lines.add(line.toString());
    return lines;
  }

  /** The words of a command line: split at spaces outside single and double quotes. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == 0 && c == ' ') {
        if (w.length() > 0) {
          words.add(w.toString());
          w.setLength(0);
        }
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote != '\'' && i + 1 < command.length()) {
        w.append(c);
        c = command.charAt(++i);
      }
      w.append(c);
    }
    if (w.length() > 0) {
      words.add(w.toString());
    }
    return words;
  }

  /**
   * Where the piece from {@code i} ends: spaces, then an opening bracket with the piece after it, or
   * one CJK character, or a word; with the closing punctuation that follows.
   */
  private static int nextBreak(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    if (j < s.length() && OPENING.indexOf(s.charAt(j)) >= 0) {
      int k = j;
      while (k < s.length() && OPENING.indexOf(s.charAt(k)) >= 0) {
        k++;
      }
      return k < s.length() && s.charAt(k) != ' ' ? nextBreak(s, k) : k;
    }
    if (j < s.length() && wide(s.charAt(j))) {
      j++;
    } else {
      while (j < s.length() && s.charAt(j) != ' ' && !wide(s.charAt(j))) {
        j++;
      }
    }
    while (j < s.length() && CLOSING.indexOf(s.charAt(j)) >= 0) {
      j++;
    }
    return j;
  }

  private static boolean wide(char c) {
    return Text.width(String.valueOf(c)) == 2;
  }
}
