package dev.docklab.shell.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the line language of a Docker tutorial, once, into a {@link Syntax.Line}: words with single
 * and double quotes and backslash escapes, {@code $(...)} (its inside parsed too), {@code $?},
 * pipelines ({@code |}), redirections ({@code >}, {@code >>}, {@code <}, {@code 2>&1}...),
 * {@code ;}, {@code &}, {@code &&}, {@code ||}, {@code !} in front of a pipeline, {@code #} comments
 * and a trailing {@code \} continuing onto the next line. As in bash, a newline ends a command as
 * {@code ;} does (lines pasted together run one after another), except after {@code |}, {@code &&}
 * and {@code ||}, and a comment ends at the newline.
 */
public final class LineParser {
  private static final List<String> LIST_OPERATORS = List.of("&&", "||", ";", "&");
  private final String s;
  private int i;

  private LineParser(String s) {
    this.s = s;
  }

  /** Parses {@code line}; throws {@link IncompleteLineException} when more input is needed. */
  public static Syntax.Line parse(String line) {
    return new LineParser(line).list(false);
  }

  /** Pipelines joined by {@code ;}, {@code &}, {@code &&}, {@code ||}, up to the end (or the {@code )} of a {@code $(}). */
  private Syntax.Line list(boolean inSubstitution) {
    List<Syntax.Item> items = new ArrayList<>();
    Syntax.Join join = Syntax.Join.ALWAYS;
    while (true) {
      skipBlanksAndNewlines();
      if (i >= s.length()) {
        if (inSubstitution) {
          throw new IncompleteLineException("$(");
        }
        if (join != Syntax.Join.ALWAYS) {
          throw new IncompleteLineException("operator");
        }
        break;
      }
      char c = s.charAt(i);
      if (inSubstitution && c == ')') {
        if (join != Syntax.Join.ALWAYS) {
          throw new SyntaxException(")");
        }
        i++;
        break;
      }
      if (c == '#') {
        skipComment();
        continue;
      }
      Syntax.Pipeline pipeline = pipeline(inSubstitution);
      skipBlanks();
      if (at(";;")) {
        throw new SyntaxException(";;");
      }
      String op = null;
      for (String o : LIST_OPERATORS) {
        if (s.startsWith(o, i)) {
          op = o;
          i += o.length();
          break;
        }
      }
      if (op == null && at("\n")) {
        op = ";"; // a newline ends the command as ; does
        i++;
      }
      items.add(new Syntax.Item(join, pipeline, "&".equals(op)));
      join = "&&".equals(op) ? Syntax.Join.IF_OK : "||".equals(op) ? Syntax.Join.IF_FAILED : Syntax.Join.ALWAYS;
    }
    return new Syntax.Line(items);
  }

  /** {@code [!] COMMAND [| COMMAND]...}; a lone {@code !} is a pipeline of no command. */
  private Syntax.Pipeline pipeline(boolean inSubstitution) {
    boolean host = s.charAt(i) == '!';
    if (host) {
      i++;
    }
    List<Syntax.Command> commands = new ArrayList<>();
    while (true) {
      skipBlanksAndNewlines(); // after a |, the next command may be on the next line
      Syntax.Command c = command(inSubstitution);
      if (c == null) {
        if (!commands.isEmpty() && i >= s.length()) {
          throw new IncompleteLineException("|");
        }
        if (host && commands.isEmpty() && !at("|")) {
          break;
        }
        throw unexpected();
      }
      commands.add(c);
      skipBlanks();
      if (!at("|") || at("||")) {
        break;
      }
      i++;
    }
    return new Syntax.Pipeline(commands, host);
  }

  /** Words and redirections up to an operator, a comment or the end; null when there is none. */
  private Syntax.Command command(boolean inSubstitution) {
    int start = i;
    int end = i;
    List<Syntax.Word> words = new ArrayList<>();
    List<Syntax.Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (i >= s.length()) {
        break;
      }
      char c = s.charAt(i);
      if (c == '\n' || c == ';' || c == '&' || c == '|' || (inSubstitution && c == ')')) {
        break;
      }
      if (c == '#') {
        skipComment();
        break;
      }
      Syntax.Redirect r = redirect(inSubstitution);
      if (r != null) {
        redirects.add(r);
      } else {
        words.add(word(inSubstitution));
      }
      end = i;
    }
    return words.isEmpty() && redirects.isEmpty() ? null : new Syntax.Command(words, redirects, s.substring(start, end));
  }

  /** At {@code [N]OP TARGET} ({@code 2>&1}, {@code > f.tar}): reads it; elsewhere returns null. */
  private Syntax.Redirect redirect(boolean inSubstitution) {
    int j = i;
    while (j < s.length() && j - i < 4 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    if (j >= s.length() || (s.charAt(j) != '<' && s.charAt(j) != '>')) {
      return null;
    }
    Syntax.Op op = null;
    for (Syntax.Op o : Syntax.Op.values()) {
      if (s.startsWith(o.symbol(), j) && (op == null || o.symbol().length() > op.symbol().length())) {
        op = o;
      }
    }
    int fd = j > i ? Integer.parseInt(s.substring(i, j)) : op.defaultFd();
    i = j + op.symbol().length();
    skipBlanks();
    if (i >= s.length() || ";&|<>\n".indexOf(s.charAt(i)) >= 0 || (inSubstitution && s.charAt(i) == ')')) {
      throw unexpected();
    }
    int target = i;
    word(inSubstitution);
    return new Syntax.Redirect(fd, op, s.substring(target, i));
  }

  private SyntaxException unexpected() {
    if (i >= s.length() || s.charAt(i) == '\n') {
      return new SyntaxException("newline");
    }
    for (String op : List.of("&&", "||", ";;", ">>", "<<")) {
      if (s.startsWith(op, i)) {
        return new SyntaxException(op);
      }
    }
    return new SyntaxException(String.valueOf(s.charAt(i)));
  }

  private boolean at(String token) {
    return s.startsWith(token, i);
  }

  /** Up to a comment's end: the next newline (left for the caller), or the end of the line. */
  private void skipComment() {
    int nl = s.indexOf('\n', i);
    i = nl < 0 ? s.length() : nl;
  }

  private void skipBlanksAndNewlines() {
    while (true) {
      skipBlanks();
      if (i < s.length() && s.charAt(i) == '\n') {
        i++;
      } else {
        return;
      }
    }
  }

  /** Spaces, tabs and a backslash-newline; not a newline, which ends a command. */
  private void skipBlanks() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
      } else {
        break;
      }
    }
  }

  private Syntax.Word word(boolean inSubstitution) {
    List<Syntax.Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || ";&|<>".indexOf(c) >= 0 || (inSubstitution && c == ')')) {
        break;
      }
      if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw new IncompleteLineException("\\");
        }
        if (s.charAt(i + 1) != '\n') {
          lit.append(s.charAt(i + 1));
        }
        i += 2;
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IncompleteLineException("'");
        }
        if (end == i + 1 && lit.length() == 0) {
          parts.add(new Syntax.Literal("")); // an empty '' still makes a word, as "" does
        }
        lit.append(s, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        doubleQuoted(parts, lit);
      } else if (!dollar(parts, lit, false)) {
        lit.append(c);
        i++;
      }
    }
    if (i == start) {
      throw unexpected();
    }
    flush(parts, lit);
    return new Syntax.Word(parts);
  }

  private void doubleQuoted(List<Syntax.Part> parts, StringBuilder lit) {
    // an empty "" still makes a word: mark it with an empty literal
    boolean any = false;
    while (true) {
      if (i >= s.length()) {
        throw new IncompleteLineException("\"");
      }
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        if (!any && lit.length() == 0) {
          parts.add(new Syntax.Literal(""));
        }
        return;
      }
      any = true;
      if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
        if (s.charAt(i + 1) != '\n') {
          lit.append(s.charAt(i + 1));
        }
        i += 2;
      } else if (!dollar(parts, lit, true)) {
        lit.append(c);
        i++;
      }
    }
  }

  /** At {@code $(} or {@code $?}: adds that part and returns true; elsewhere returns false. */
  private boolean dollar(List<Syntax.Part> parts, StringBuilder lit, boolean quoted) {
    if (s.charAt(i) != '$' || i + 1 >= s.length() || (s.charAt(i + 1) != '(' && s.charAt(i + 1) != '?')) {
      return false;
    }
    flush(parts, lit);
    if (s.charAt(i + 1) == '(') {
      i += 2;
      parts.add(new Syntax.Substitution(list(true), quoted));
    } else {
      parts.add(new Syntax.Status());
      i += 2;
    }
    return true;
  }

  private static void flush(List<Syntax.Part> parts, StringBuilder lit) {
    if (lit.length() > 0) {
      parts.add(new Syntax.Literal(lit.toString()));
      lit.setLength(0);
    }
  }
}
