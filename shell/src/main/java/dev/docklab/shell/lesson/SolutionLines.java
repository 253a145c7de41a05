package dev.docklab.shell.lesson;

import java.util.List;

/**
 * Which of a step's reference commands comes next, from the lines the learner typed in the step: the
 * reference lines typed in their order are done, and the first one after them is next.
 */
final class SolutionLines {
  private SolutionLines() {}

  /**
   * The first reference line not yet typed (after those typed in order), or the first one again when
   * all were typed; null when the step has none.
   */
  static String next(List<String> solution, List<String> typed) {
    if (solution.isEmpty()) {
      return null;
    }
    int done = 0;
    for (String line : typed) {
      if (done < solution.size() && same(line, solution.get(done))) {
        done++;
      }
    }
    return solution.get(done < solution.size() ? done : 0);
  }

  /** After an undo: the last typed line that was a reference line is not done any more. */
  static void forgetLast(List<String> solution, List<String> typed) {
    for (int i = typed.size() - 1; i >= 0; i--) {
      String line = typed.get(i);
      if (solution.stream().anyMatch(ref -> same(line, ref))) {
        typed.remove(i);
        return;
      }
    }
  }

  /** The same command: spaces aside, and {@code docker} before a subcommand or not. */
  static boolean same(String typed, String reference) {
    return normal(typed).equals(normal(reference));
  }

  private static String normal(String line) {
    String s = line.strip().replaceAll("\\s+", " ");
    return s.startsWith("docker ") ? s.substring("docker ".length()) : s;
  }
}
