package dev.docklab.lessons.model;

import java.util.List;

/**
 * One task of a lesson.
 *
 * @param instruction what to do, and why
 * @param goal what must hold at the end, as {@code goal} shows it
 * @param checks the predicates over the engine's real state that make up the goal
 * @param hints help in tiers
 * @param solution the reference commands, as a learner would type them
 * @param headless the commands {@code lesson test} types instead, when the solution needs a terminal
 *     ({@code -it}, Ctrl+P Ctrl+Q); empty to type the solution
 * @param explain the explain view to suggest once the goal holds ({@code {container}} is the name of the
 *     container a check found); null for none
 */
public record Step(Text instruction, Text goal, List<CheckItem> checks, Hints hints, List<String> solution,
    List<String> headless, String explain) {
  public Step {
    if (instruction == null || goal == null) {
      throw new IllegalArgumentException("a step needs an instruction and a goal");
    }
    if (checks == null || checks.isEmpty()) {
      throw new IllegalArgumentException("a step needs at least one check");
    }
    if (hints == null || hints.tiers().isEmpty()) {
      throw new IllegalArgumentException("a step needs hints (nudge, family, command)");
    }
    if (solution == null || solution.isEmpty()) {
      throw new IllegalArgumentException("a step needs a solution");
    }
    checks = List.copyOf(checks);
    solution = List.copyOf(solution);
    headless = headless == null ? List.of() : List.copyOf(headless);
  }

  /** What {@code lesson test} types: the headless lines when given, else the solution. */
  public List<String> play() {
    return headless.isEmpty() ? solution : headless;
  }
}
