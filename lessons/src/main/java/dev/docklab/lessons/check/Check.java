package dev.docklab.lessons.check;

import java.util.List;

/** One predicate of a step's goal, tested on the engine's real state. */
public interface Check {
  /** What it checks: {@code container}, {@code no-container}, {@code image}, {@code no-image}, {@code file}, {@code http}, {@code hub}, {@code no-hub}, {@code login}, {@code answer}, {@code java}. */
  String kind();

  /** What it asks for, field by field, for {@code goal} to describe it. */
  List<Fact> facts();

  /** Whether it holds now. */
  Verdict test(Probe probe);
}
