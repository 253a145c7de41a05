package dev.docklab.lessons.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which containers a check looks at: those created since the lesson started (the default, so that a
 * learner's older containers never pass a goal), since the step started, or any.
 */
public enum Scope {
  LESSON, STEP, ANY;

  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Scope of(String word) {
    for (Scope s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("since: \"" + word + "\" is not one of lesson, step, any");
  }
}
