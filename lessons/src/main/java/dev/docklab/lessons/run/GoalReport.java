package dev.docklab.lessons.run;

import dev.docklab.lessons.check.Verdict;
import dev.docklab.lessons.model.CheckItem;
import java.util.List;

/** A step's goal, evaluated: each check with its verdict. */
public record GoalReport(List<Line> lines) {
  /** One check and whether it holds. */
  public record Line(CheckItem item, Verdict verdict) {}

  public GoalReport {
    lines = List.copyOf(lines);
  }

  /** Whether every check holds. */
  public boolean holds() {
    return lines.stream().allMatch(l -> l.verdict().holds());
  }

  /** The name of the first container a check found, or null. */
  public String container() {
    return lines.stream().map(l -> l.verdict().container()).filter(c -> c != null).findFirst().orElse(null);
  }
}
