package dev.docklab.lessons.run;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.lessons.model.Lesson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code undo}: the lesson's things back to how they were before the last line. A container the line
 * created is removed; one it started or stopped is stopped or started again; one it renamed gets its
 * old name back; a name it tagged is removed and a name it untagged comes back while its image is
 * still here. What cannot come back (a container removed, an image deleted, a push) is named.
 */
public final class LessonUndo {
  private static final String C = "c";
  private static final String T = "t";

  private LessonUndo() {}

  /**
   * The lesson's things now, one line each: {@code c ID NAME running|not} for its containers (labelled,
   * or created since {@code started}), {@code t REF IMAGE-ID} for every image name.
   */
  public static List<String> things(Engine engine, Lesson lesson, Instant started) {
    List<String> things = new ArrayList<>();
    for (Container c : engine.containers().list(true)) {
      if (lesson.id().equals(c.labels().get(Lesson.LABEL)) || createdSince(c, started)) {
        things.add(String.join(" ", C, c.id(), c.name(), running(c) ? "running" : "not"));
      }
    }
    for (Image i : engine.images().list()) {
      for (ImageReference r : i.repoTags()) {
        things.add(String.join(" ", T, r.toString(), i.id().toString()));
      }
    }
    return things;
  }

  /** Returns the things to {@code before}; the lines say what could not be undone. */
  public static List<String> undo(Engine engine, Lesson lesson, Instant started, List<String> before) {
    List<String> cannot = new ArrayList<>();
    Map<String, String[]> was = index(before);
    Map<String, String[]> now = index(things(engine, lesson, started));
    for (String[] c : now.values()) {
      if (c[0].equals(C) && !was.containsKey(c[1])) {
        engine.containers().remove(c[1], true, false); // the line created it
      }
    }
    for (String[] c : was.values()) {
      if (c[0].equals(C)) {
        String[] n = now.get(c[1]);
        if (n == null) {
          cannot.add("container " + c[2]);
          continue;
        }
        if (!n[2].equals(c[2])) {
          engine.containers().rename(c[1], c[2]);
        }
        if (!n[3].equals(c[3])) {
          if (c[3].equals("running")) {
            engine.containers().start(c[1], false);
          } else {
            engine.containers().stop(c[1], 1);
          }
        }
      }
    }
    for (String[] t : now.values()) {
      if (t[0].equals(T) && !was.containsKey(t[1])) {
        engine.images().remove(t[1], false, true); // the line tagged (or committed) it
      }
    }
    for (String[] t : was.values()) {
      if (t[0].equals(T) && !now.containsKey(t[1])) {
        if (engine.images().find(t[2]) != null) {
          engine.images().tag(t[2], t[1]);
        } else {
          cannot.add("image " + t[1]);
        }
      }
    }
    return cannot;
  }

  private static Map<String, String[]> index(List<String> things) {
    Map<String, String[]> byKey = new HashMap<>();
    for (String line : things) {
      String[] f = line.split(" ");
      byKey.put(f[1], f);
    }
    return byKey;
  }

  private static boolean running(Container c) {
    return c.state() != null && c.state().status() == ContainerStatus.RUNNING;
  }

  private static boolean createdSince(Container c, Instant started) {
    if (started == null || c.created() == null) {
      return false;
    }
    try {
      return !Instant.parse(c.created()).isBefore(started);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
