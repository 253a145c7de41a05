package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.LessonHarness.Said;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code undo} on the real engine: each line's change to the lesson's things taken back, one line at
 * a time (a stop, a start, a rename, a container created, a tag, an untag), and what cannot be named.
 */
class LessonUndoIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("undo");
  }

  @AfterAll
  static void tearDown() throws Exception {
    h.close();
  }

  static Said en(String line) {
    return h.en(line);
  }

  static String names(String flags) {
    return h.names(flags);
  }

  @Test
  void undoTakesBackTheLastLineOnly() {
    assertEquals(0, en("lesson background").status());
    assertTrue(names("").contains("ticker"));

    assertEquals(0, en("docker stop -t 1 ticker").status());
    assertFalse(names("").contains("ticker"));
    assertEquals(0, en("undo").status());
    assertTrue(names("").contains("ticker\n"), "started again: " + names(""));

    assertEquals(0, en("docker run -d --name extra busybox sleep 60").status());
    assertEquals(0, en("undo").status());
    assertFalse(names("-a").contains("extra"), "the container the line created is removed");

    assertEquals(0, en("docker rename ticker tick2").status());
    assertEquals(0, en("undo").status());
    assertTrue(names("-a").contains("ticker\n"), names("-a"));

    assertEquals(0, en("docker tag busybox lesson-copy:v1").status());
    assertEquals(0, en("undo").status());
    assertFalse(images().contains("lesson-copy"), "the name the line tagged is removed");

    assertEquals(0, en("docker tag busybox lesson-copy:v2").status());
    assertEquals(0, en("docker rmi lesson-copy:v2").status());
    assertEquals(0, en("undo").status());
    assertTrue(images().contains("lesson-copy:v2"), "the name the line untagged is back");

    assertEquals(0, en("docker rm -f ticker").status());
    Said cannot = en("undo");
    assertEquals(1, cannot.status());
    assertTrue(cannot.out().contains("Cannot be undone: container ticker"), cannot.out());
    en("lesson off");
    en("docker rmi lesson-copy:v2");
  }

  static String images() {
    return en("docker images --format '{{.Repository}}:{{.Tag}}'").out();
  }
}
