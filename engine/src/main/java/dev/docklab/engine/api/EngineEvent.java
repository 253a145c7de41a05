package dev.docklab.engine.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One step the engine took, for progress displays and explain modes: e.g. {@code mount} with the
 * overlay options, or {@code runtime} with the command it ran, and how long the step took.
 *
 * @param step which step it was
 * @param subject what the step was about (an image, a container id, a layer digest)
 * @param detail the real artifact: a path, a mount option string, a command line; in English when
 *     the detail is docklab's own words ({@code said})
 * @param took how long the step took (zero when not timed)
 * @param said docklab's own wording of the detail, for the shell to say in the learner's language;
 *     null when the detail is only an artifact
 * @param args the arguments of {@code said}, as text
 */
public record EngineEvent(EventStep step, String subject, String detail, Duration took, EngineMessage said,
    List<String> args) {
  public EngineEvent {
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** An event whose detail is an artifact only (a path, mount options, a command line). */
  public EngineEvent(EventStep step, String subject, String detail, Duration took) {
    this(step, subject, detail, took, null, List.of());
  }

  /** An event whose detail is docklab's own words: {@code said}'s English with {@code args} in place. */
  public static EngineEvent said(EventStep step, String subject, Duration took, EngineMessage said,
      Object... args) {
    List<String> text = Arrays.stream(args).map(String::valueOf).toList();
    return new EngineEvent(step, subject, said.english(text.toArray()), took, said, text);
  }
}
