package dev.docklab.lessons.run;

import dev.docklab.engine.api.EngineException;
import java.util.List;

/**
 * One way a lesson failed when played headless, as data the shell says in the learner's language.
 *
 * @param kind what went wrong
 * @param step the step it concerns (1 for the first; 0 when none)
 * @param args what the kind's wording needs: the line typed and its status, the checks not yet holding, the
 *     things missing and not expected
 * @param error the engine's failure, for {@link Kind#START_STATE} and {@link Kind#ENGINE}; null otherwise
 */
public record Failure(Kind kind, int step, List<String> args, EngineException error) {
  /** What went wrong. */
  public enum Kind {
    /** The lesson's start state could not be made. */
    START_STATE,
    /** A step's goal holds before its solution was typed. */
    HOLDS_BEFORE,
    /** A line of a solution exited with a status other than 0: args are the line and its status. */
    EXITED,
    /** A step's goal does not hold after its solution: args are the checks not yet holding. */
    NOT_AFTER,
    /** Undoing a line did not bring back the state before it: the line, missing, not expected, not undone. */
    UNDO_DIFFERS,
    /** After reset the lesson's things are not as at its start: missing, not expected. */
    RESET_DIFFERS,
    /** After reset the first step's goal holds again. */
    RESET_HOLDS,
    /** The engine failed while the lesson played. */
    ENGINE
  }

  public Failure {
    args = List.copyOf(args);
  }

  /** The engine's failure {@code e}, of kind {@code kind}. */
  static Failure engine(Kind kind, EngineException e) {
    return new Failure(kind, 0, List.of(), e);
  }
}
