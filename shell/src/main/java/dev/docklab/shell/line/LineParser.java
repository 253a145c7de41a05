package dev.docklab.shell.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the line language of a Docker tutorial: words with single and double quotes and
 * backslash escapes, {@code $(...)} command substitution, {@code $?}, {@code ;}, {@code &&}, {@code ||},
 * {@code #} comments and a trailing {@code \} continuing onto the next line.
 */
public final class LineParser {
  private final String s;
  private int i;

  private LineParser(String s) {
    this.s = s;
  }

  /** Parses {@code line}; throws {@link IncompleteLineException} when more input is needed. */
  public static Script parse(String line) {
    return new LineParser(line).script(false);
  }

  private Script script(boolean inSubstitution) {
    List<Script.Step> steps = new ArrayList<>();
    Script.Join join = Script.Join.ALWAYS;
    List<Script.Word> words = new ArrayList<>();
    boolean pendingOperator = false;
    while (true) {
      skipBlanks();
      if (i >= s.length()) {
        if (inSubstitution) {
          throw new IncompleteLineException("$(");
        }
        break;
      }
      char c = s.charAt(i);
      if (inSubstitution && c == ')') {
        i++;
        break;
      }
      if (c == '#') {
        i = s.length();
        continue;
      }
      if (c == ';' || c == '&' || c == '|') {
        String op = c == ';' ? ";" : s.startsWith("&&", i) ? "&&" : s.startsWith("||", i) ? "||" : null;
        if (op == null) {
          throw new SyntaxException("syntax error near '" + c + "': docklab runs docker commands one after "
              + "another with ; && or ||, it has no pipes or background jobs");
        }
        if (words.isEmpty()) {
          throw new SyntaxException("syntax error near unexpected token '" + op + "'");
        }
        steps.add(new Script.Step(join, words));
        words = new ArrayList<>();
        join = op.equals(";") ? Script.Join.ALWAYS : op.equals("&&") ? Script.Join.IF_OK : Script.Join.IF_FAILED;
        pendingOperator = !op.equals(";");
        i += op.length();
        continue;
      }
      words.add(word(inSubstitution));
      pendingOperator = false;
    }
    if (pendingOperator) {
      throw new IncompleteLineException("operator");
    }
    if (!words.isEmpty()) {
      steps.add(new Script.Step(join, words));
    }
    return new Script(steps);
  }

  private void skipBlanks() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
      } else {
        break;
      }
    }
  }

  private Script.Word word(boolean inSubstitution) {
    List<Script.Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || (inSubstitution && c == ')')) {
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
    flush(parts, lit);
    return new Script.Word(parts);
  }

  private void doubleQuoted(List<Script.Part> parts, StringBuilder lit) {
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
          parts.add(new Script.Literal(""));
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
  private boolean dollar(List<Script.Part> parts, StringBuilder lit, boolean quoted) {
    if (s.charAt(i) != '$' || i + 1 >= s.length() || (s.charAt(i + 1) != '(' && s.charAt(i + 1) != '?')) {
      return false;
    }
    flush(parts, lit);
    if (s.charAt(i + 1) == '(') {
      parts.add(new Script.Substitution(substitution(), quoted));
    } else {
      parts.add(new Script.Status());
      i += 2;
    }
    return true;
  }

  /** Reads {@code $( ... )} and returns the inner source, checked by parsing it. */
  private String substitution() {
    i += 2;
    int start = i;
    script(true);
    return s.substring(start, i - 1);
  }

  private static void flush(List<Script.Part> parts, StringBuilder lit) {
    if (lit.length() > 0) {
      parts.add(new Script.Literal(lit.toString()));
      lit.setLength(0);
    }
  }
}
