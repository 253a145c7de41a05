package dev.docklab.lessons.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.TreeMap;

/**
 * A learner's progress in the course, as {@code progress.json} keeps it.
 *
 * @param lessons each lesson's progress, by lesson id
 * @param active the lesson running on each data root (a lesson's containers live on one engine)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(Map<String, LessonProgress> lessons, Map<String, String> active) {
  public static final Progress EMPTY = new Progress(null, null);

  public Progress {
    lessons = lessons == null ? Map.of() : Map.copyOf(lessons);
    active = active == null ? Map.of() : Map.copyOf(active);
  }

  /** The progress in lesson {@code id} (not started when none is recorded). */
  public LessonProgress of(String id) {
    LessonProgress p = lessons.get(id);
    return p == null
        ? new LessonProgress(LessonStatus.NOT_STARTED, 0, null, null, 0, 0, false, null, null, null, null, null,
            null) : p;
  }

  /** With {@code id}'s progress replaced. */
  public Progress with(String id, LessonProgress p) {
    Map<String, LessonProgress> m = new TreeMap<>(lessons);
    m.put(id, p);
    return new Progress(m, active);
  }

  /** With lesson {@code id} running on {@code dataRoot} (none when {@code id} is null). */
  public Progress activeOn(String dataRoot, String id) {
    Map<String, String> m = new TreeMap<>(active);
    if (id == null) {
      m.remove(dataRoot);
    } else {
      m.put(dataRoot, id);
    }
    return new Progress(lessons, m);
  }
}
