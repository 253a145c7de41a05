package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Layout;
import dev.docklab.shell.LessonHarness.Said;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code undo} on the real engine, each line a {@code docklab -c} of its own (so each a restart): each
 * line's change to the lesson's things taken back, one line at a time (a stop, a start, a rename, a
 * container created, a tag, an untag, a container removed with the files written in it, a commit, an
 * image deleted with its layers).
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
    start();
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

    en("lesson off");
    en("docker rmi lesson-copy:v2");
  }

  @Test
  void undoBringsBackWhatRmAndRmiRemovedAndTakesBackAStopAndACommit() {
    start();
    String ticker = id("ticker");

    // stop: running again
    assertEquals(0, en("docker stop -t 1 ticker").status());
    assertEquals(0, en("undo").status());
    assertTrue(names("").contains("ticker\n"), "running again: " + names(""));

    // rm: the same container comes back, with the file the learner wrote in it
    assertEquals(0, en("docker exec ticker sh -c 'echo written-by-the-learner > /learner.txt'").status());
    assertEquals(0, en("docker rm -f ticker").status());
    assertFalse(names("-a").contains("ticker"));
    en("docker ps -a"); // a line that only looks: undo still takes back the rm
    Said back = en("undo");
    assertEquals(0, back.status(), back.out() + back.err());
    assertEquals(ticker, id("ticker"), "the same container");
    assertTrue(names("").contains("ticker\n"), "and it ran, so it runs again: " + names(""));
    assertEquals(0, en("docker start ticker").status());
    assertEquals("written-by-the-learner\n", en("docker exec ticker cat /learner.txt").out());

    // commit: the new image name gone
    assertEquals(0, en("docker commit ticker undo-snap:v1").status());
    assertTrue(images().contains("undo-snap:v1"));
    assertEquals(0, en("undo").status());
    assertFalse(images().contains("undo-snap"), "the name the commit made is removed");

    // rmi: a committed image deleted comes back with the same id, and runs
    assertEquals(0, en("docker commit ticker undo-snap:v2").status());
    String snap = en("docker inspect -f '{{.Id}}' undo-snap:v2").out().strip();
    Said rmi = en("docker rmi undo-snap:v2");
    assertTrue(rmi.out().contains("Deleted: " + snap), rmi.out());
    assertFalse(images().contains("undo-snap"));
    assertEquals(0, en("undo").status());
    assertEquals(snap, en("docker inspect -f '{{.Id}}' undo-snap:v2").out().strip(), "the same image");
    assertEquals("written-by-the-learner\n",
        en("docker run --rm --network none undo-snap:v2 cat /learner.txt").out(), "its layers came back with it");

    en("lesson off");
    en("docker rmi undo-snap:v2");
    assertFalse(Files.exists(new Layout(h.t.root).keepingMark()), "outside a lesson rm and rmi delete at once");
  }

  /** The lesson at its start state, whatever the other test left (a lesson left unfinished is taken up again). */
  static void start() {
    assertEquals(0, en("lesson background").status());
    assertEquals(0, en("reset").status());
  }

  static String id(String name) {
    return en("docker inspect -f '{{.Id}}' " + name).out().strip();
  }

  static String images() {
    return en("docker images --format '{{.Repository}}:{{.Tag}}'").out();
  }
}
