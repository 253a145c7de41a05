package dev.docklab.shell.interp;

import dev.docklab.shell.io.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * A first word that is not a host command but a slip from one of docklab's words ({@code dcoker},
 * {@code exlpain}, {@code imgaes}): the word meant, by edit distance (a swap of two neighbours counts as one).
 */
final class Typo {
  /** The shell's own words, never on the PATH yet never a typo. */
  private static final Set<String> SHELL_WORDS = Set.of("if", "then", "else", "elif", "fi", "for", "while", "until",
      "do", "done", "case", "esac", "in", "function", "export", "set", "unset", "source", "alias", "unalias",
      "read", "eval", "exec", "test", "true", "false", "type", "umask", "ulimit", "shift", "return", "break",
      "continue", "trap", "times", "getopts", "hash", "local", "readonly", "command", "jobs", "fg", "bg", "let");

  private Typo() {}

  /**
   * The word of {@code vocabulary} that {@code word} is a slip from, or null: one edit away for a word
   * of up to four letters, two for a longer one; never for a program on {@code path} or a word of the shell.
   */
  static String meant(String word, Collection<String> vocabulary, String path) {
    if (word == null || word.length() < 2 || !word.matches("[A-Za-z][A-Za-z0-9_.-]*")
        || SHELL_WORDS.contains(word) || vocabulary.contains(word) || onPath(word, path)) {
      return null;
    }
    int allowed = word.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String v : vocabulary) {
      if (v.length() < 2) {
        continue;
      }
      int d = distance(word.toLowerCase(), v);
      if (d <= allowed && d < bestDistance) {
        best = v;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Whether {@code word} names an executable file in one of {@code path}'s directories. */
  static boolean onPath(String word, String path) {
    return Executables.onPath(word, path).isPresent();
  }

  /** The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
