package dev.docklab.lessons.run;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerId;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.lessons.check.Probe;
import dev.docklab.lessons.model.Lesson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code undo}: the lesson's things back to how they were before the last line. A container the line
 * created is removed; one it removed comes back with its files (the engine kept it, see
 * {@code SystemService#keepRemoved}), and runs again if it ran; one it started or stopped is stopped or
 * started again; one it renamed gets its old name back. A name it tagged (or committed) is removed, an
 * image it deleted comes back with its id, and a name it untagged points at its image again. What could
 * not come back is named, with the engine's reason.
 */
public final class LessonUndo {
  static final String CONTAINER = "c";
  static final String TAG = "t";
  static final String RUNNING = "running";

  private LessonUndo() {}

  /**
   * The lesson's things now, one line each: {@code c ID NAME running|not} for its containers (labelled,
   * or created since {@code started}), {@code t REF IMAGE-ID} for every image name.
   */
  public static List<String> things(Engine engine, Lesson lesson, Instant started) {
    List<String> things = new ArrayList<>();
    for (Container c : engine.containers().list(true)) {
      if (lesson.id().equals(c.labels().get(Lesson.LABEL)) || Probe.createdSince(c, started)) {
        things.add(String.join(" ", CONTAINER, c.id(), c.name(), running(c) ? RUNNING : "not"));
      }
    }
    for (Image i : engine.images().list()) {
      for (ImageReference r : i.repoTags()) {
        things.add(String.join(" ", TAG, r.toString(), i.id().toString()));
      }
    }
    return things;
  }

  /** Returns the things to {@code before}; says what could not be undone. */
  public static List<NotUndone> undo(Engine engine, Lesson lesson, Instant started, List<String> before) {
    UndoPlan plan = UndoPlan.of(before, things(engine, lesson, started));
    List<NotUndone> not = new ArrayList<>();
    for (String id : plan.removeContainers()) {
      step(not, "docker rm -f " + id.substring(0, 12), () -> engine.containers().remove(id, true, false));
    }
    for (String ref : plan.removeNames()) {
      step(not, "docker rmi " + familiar(ref), () -> engine.images().remove(ref, false, true));
    }
    for (String id : plan.restoreImages()) {
      if (engine.images().find(id) == null) {
        try {
          engine.images().restore(Digest.parse(id));
        } catch (EngineException e) {
          not.add(new NotUndone(NotUndone.Kind.IMAGE, namesOf(plan, id), e.getMessage()));
        }
      }
    }
    for (UndoPlan.Tag t : plan.putBackNames()) {
      if (engine.images().find(t.imageId()) != null) {
        step(not, "docker tag " + Digest.parse(t.imageId()).shortHex() + " " + familiar(t.ref()),
            () -> engine.images().tag(t.imageId(), t.ref()));
      }
    }
    for (UndoPlan.Was c : plan.containers()) {
      if (!plan.restoreContainers().contains(c)) {
        rename(engine, not, c); // first, so that a name a container took on the line is free again
      }
    }
    List<UndoPlan.Was> back = new ArrayList<>();
    for (UndoPlan.Was c : plan.restoreContainers()) {
      try {
        engine.containers().restore(new ContainerId(c.id()));
        back.add(c);
      } catch (EngineException e) {
        not.add(new NotUndone(NotUndone.Kind.CONTAINER, c.name(), e.getMessage()));
      }
    }
    for (UndoPlan.Was c : plan.containers()) {
      if (back.contains(c)) {
        rename(engine, not, c);
      }
      if (back.contains(c) || !plan.restoreContainers().contains(c)) {
        runAsBefore(engine, not, c);
      }
    }
    return not;
  }

  private static void rename(Engine engine, List<NotUndone> not, UndoPlan.Was c) {
    Container now = find(engine, c.id());
    if (now != null && !now.name().equals(c.name())) {
      step(not, "docker rename " + now.name() + " " + c.name(), () -> engine.containers().rename(c.id(), c.name()));
    }
  }

  private static void runAsBefore(Engine engine, List<NotUndone> not, UndoPlan.Was c) {
    Container now = find(engine, c.id());
    if (now == null || running(now) == c.running()) {
      return;
    }
    if (c.running()) {
      step(not, "docker start " + c.name(), () -> engine.containers().start(c.id(), false));
    } else {
      step(not, "docker stop " + c.name(), () -> engine.containers().stop(c.id(), 1));
    }
  }

  private static void step(List<NotUndone> not, String command, Runnable action) {
    try {
      action.run();
    } catch (EngineException e) {
      not.add(new NotUndone(NotUndone.Kind.STEP, command, e.getMessage()));
    }
  }

  private static Container find(Engine engine, String id) {
    try {
      return engine.containers().inspect(id);
    } catch (EngineException e) {
      return null;
    }
  }

  /** The names image {@code id} had, as the learner typed them. */
  private static String namesOf(UndoPlan plan, String id) {
    return String.join(", ", plan.putBackNames().stream().filter(t -> t.imageId().equals(id))
        .map(t -> familiar(t.ref())).toList());
  }

  private static String familiar(String ref) {
    return ImageReference.parse(ref).familiarString();
  }

  private static boolean running(Container c) {
    return c.state() != null && c.state().status() == ContainerStatus.RUNNING;
  }
}
