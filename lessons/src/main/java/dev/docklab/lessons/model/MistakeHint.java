package dev.docklab.lessons.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A lesson's own words for a mistake: {@code {when: port-not-exposed, text: {en: ..., zh: ...}}}.
 *
 * @param when the mistake's name
 * @param text what to say instead of docklab's own hint ({@code {what}} becomes what it is about)
 */
public record MistakeHint(String when, Text text) {
  public MistakeHint {
    if (Mistake.of(when) == null) {
      throw new IllegalArgumentException("unknown mistake \"" + when + "\"; known: "
          + Arrays.stream(Mistake.values()).map(Mistake::key).collect(Collectors.joining(", ")));
    }
    if (text == null) {
      throw new IllegalArgumentException("a mistake hint needs a text");
    }
  }
}
