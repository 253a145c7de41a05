package dev.docklab.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EventStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {
  private static final EngineEvent STEP = new EngineEvent(EventStep.MOUNT, "a".repeat(64), "lowerdir=...",
      Duration.ofMillis(3));

  @Test
  void explainLastNamesTheLineItShowsTheStepsOf() {
    TraceRecorder t = new TraceRecorder();
    t.newCommand("docker ps -q");
    assertEquals("docker ps -q", t.lastLine(), "no step yet: the line just run, which made none");
    assertTrue(t.lastEvents().isEmpty());
    t.newCommand("docker run --rm busybox true");
    t.on(STEP);
    t.newCommand("docker ps -q");
    assertEquals("docker run --rm busybox true", t.lastLine(), "the last line that made steps, named with them");
    assertEquals(List.of(STEP), t.lastEvents());
  }
}
