package dev.docklab.lessons.run;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.lessons.check.Probe;
import dev.docklab.lessons.model.Lesson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Returns a lesson to its start state on the real engine: the containers it made (labelled
 * {@code docklab.lesson=ID}, or created since the lesson started) removed, the image names made
 * since it started removed, then the start state prepared again. Containers and names older than the
 * lesson (the learner's own) are never touched; a push is not taken back from the hub.
 */
public final class LessonReset {
  private LessonReset() {}

  /** The image names on the machine now, as {@code progress.json} records them at a lesson's start. */
  public static List<String> tags(Engine engine) {
    List<String> tags = new ArrayList<>();
    for (Image i : engine.images().list()) {
      for (ImageReference r : i.repoTags()) {
        tags.add(r.toString());
      }
    }
    tags.sort(null);
    return tags;
  }

  /** Resets {@code lesson}, followed as {@code progress} says; returns the lesson started again at {@code now}. */
  public static LessonRun reset(Engine engine, Lesson lesson, LessonProgress progress, Instant now) {
    Instant started = progress.started() == null ? null : progress.startInstant();
    for (Container c : engine.containers().list(true)) {
      if (lesson.id().equals(c.labels().get(Lesson.LABEL)) || Probe.createdSince(c, started)) {
        engine.containers().remove(c.id(), true, true);
      }
    }
    if (progress.tagsAtStart() != null) {
      Set<String> before = new HashSet<>(progress.tagsAtStart());
      for (String tag : tags(engine)) {
        if (!before.contains(tag) && engine.images().find(tag) != null) {
          engine.images().remove(tag, false, true);
        }
      }
    }
    StartStage.prepare(engine, lesson);
    return LessonRun.start(lesson, now, tags(engine));
  }
}
