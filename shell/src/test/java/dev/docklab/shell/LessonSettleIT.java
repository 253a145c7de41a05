package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.LessonHarness.Said;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check after a line gives what the line started a moment to show, so the step passes on that line. */
class LessonSettleIT {
  static LessonHarness h;

  @BeforeAll
  static void setUp() throws Exception {
    h = LessonHarness.open("settle");
  }

  @AfterAll
  static void tearDown() throws Exception {
    h.close();
  }

  @Test
  void aDetachedClockPassesItsStepOnTheLineThatRunsIt() {
    assertEquals(0, h.en("lesson background").status());
    h.en("docker logs ticker");
    assertTrue(h.en("answer tick").out().contains("Step 1/4 done"), "step 1 played");
    // its first date comes a second after run -d returns
    Said run = h.zh("docker run -d --name clock busybox sh -c 'sleep 1; while true; do date; sleep 1; done'");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains(">> 第 2/4 步完成"), "the first log line comes a moment after run -d: "
        + run.out());
  }
}
