package dev.docklab.lessons.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a learner is with a lesson. */
public enum LessonStatus {
  NOT_STARTED, IN_PROGRESS, DONE;

  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static LessonStatus of(String word) {
    for (LessonStatus s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    return NOT_STARTED;
  }
}
