package dev.docklab.lessons.check;

import dev.docklab.engine.api.Container;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What checks look at: the engine's state, HTTP on this host, when the lesson and the step started
 * (to tell the lesson's containers from older ones) and the answer typed in this step.
 *
 * @param answer the learner's last {@code answer TEXT} in this step, or null
 */
public record Probe(EngineView view, Http http, Instant lessonStart, Instant stepStart, String answer) {
  /** The containers in {@code scope}, newest first. */
  public List<Container> containers(Scope scope) {
    Instant since = switch (scope) {
      case LESSON -> lessonStart;
      case STEP -> stepStart;
      case ANY -> null;
    };
    return view.containers().stream().filter(c -> since == null || !created(c).isBefore(since)).toList();
  }

  /** Whether {@code c} was created at or after {@code since}; false when either time is unknown. */
  public static boolean createdSince(Container c, Instant since) {
    return since != null && c.created() != null && !created(c).isBefore(since);
  }

  private static Instant created(Container c) {
    try {
      return c.createdAt();
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH; // a record without a creation time is older than any lesson
    }
  }
}
