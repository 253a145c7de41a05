package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.LessonHarness.Said;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code reset} on the real engine: after a step played and the lesson's things changed, the engine
 * is back at the lesson's start state, and the learner's own container is still there.
 */
class LessonResetIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("reset");
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
  void resetReturnsTheEngineToTheStartStateAndKeepsTheLearnersOwnContainer() {
    assertEquals(0, en("docker create --name mine busybox sleep 1").status());
    assertEquals(0, en("lesson background").status());
    String startRunning = names("");
    String tickerId = en("docker inspect -f '{{.Id}}' ticker").out();
    assertTrue(startRunning.contains("ticker"), startRunning);

    en("docker logs ticker");
    assertTrue(en("answer tick").out().contains("Step 1/"), "step 1 played");
    assertEquals(0, en("docker stop -t 1 ticker").status());
    assertEquals(0, en("docker run -d --name extra busybox sleep 60").status());
    assertEquals(0, en("docker tag busybox lesson-copy:v1").status());

    Said reset = en("reset");
    assertEquals(0, reset.status(), reset.err());
    assertTrue(reset.out().startsWith("The lesson is back at its start state"), reset.out());

    String all = names("-a");
    assertTrue(all.contains("mine\n"), "the learner's own container stays: " + all);
    assertFalse(all.contains("extra"), "a container the lesson's lines made is gone: " + all);
    assertEquals(startRunning, names(""), "the start state's containers run again, as at the start");
    assertNotEquals(tickerId, en("docker inspect -f '{{.Id}}' ticker").out(), "ticker is made anew");
    assertFalse(en("docker images --format '{{.Repository}}:{{.Tag}}'").out().contains("lesson-copy"),
        "a name the lesson made is removed");
    assertEquals(1, en("goal").status(), "back at step 1, whose goal does not hold yet");

    Said again = en("lesson background");
    assertTrue(again.out().startsWith("Lesson 5: "), again.out());
    String said = again.out().replaceAll("\\s+", " "); // as said, however the lines wrapped
    assertTrue(said.contains("at step 1 of"), again.out());
    assertTrue(said.contains("type reset"), again.out());
    en("lesson off");
    en("docker rm -f mine ticker");
  }
}
