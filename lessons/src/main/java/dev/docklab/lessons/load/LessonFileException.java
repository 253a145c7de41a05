package dev.docklab.lessons.load;

import java.util.List;

/** A lesson file that cannot be used, with every problem found in it. */
public class LessonFileException extends Exception {
  private final List<Problem> problems;

  public LessonFileException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid lesson file" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with its line. */
  public List<Problem> problems() {
    return problems;
  }
}
