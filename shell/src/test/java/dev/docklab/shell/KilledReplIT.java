package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIGKILL the docklab process in the middle of things; the next docklab finds every container true. */
class KilledReplIT {
  private Transcript t;

  @BeforeEach
  void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-killed-"));
    t.run("docker images -q"); // builds the base image once
  }

  @AfterEach
  void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void containersSurviveAKilledReplAndTheRecordsStayTrue() throws Exception {
    Process p = t.spawn("docker run -d --name bg busybox sleep 100; "
        + "docker run --name fg busybox sh -c 'echo fg-started; sleep 100'");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!t.anyContainerLogContains("fg-started")) {
      assertTrue(System.nanoTime() < deadline, "the foreground container never started");
      Thread.sleep(50);
    }
    p.destroyForcibly(); // SIGKILL
    p.waitFor();
    try (Engine engine = Engine.open(EngineOptions.at(t.root), EngineListener.NONE)) {
      List<Container> all = engine.containers().list(true);
      assertEquals(2, all.size());
      for (Container c : all) {
        assertEquals("running", c.state().status().dockerName(), c.name() + " keeps running, as on Docker when the client dies");
        assertTrue(c.network() != null && Files.exists(Path.of(c.network().sandboxKey())),
            c.name() + " keeps its network too");
      }
      engine.containers().kill("fg", "KILL");
      assertEquals("exited", engine.containers().inspect("fg").state().status().dockerName());
      assertEquals(137, engine.containers().inspect("fg").state().exitCode());
    }
    // only the running container's root is still mounted
    assertEquals(1, Mounts.under(t.root).size());
  }

  @Test
  void aKillDuringStartLeavesNoHalfContainer() throws Exception {
    for (int delayMs : new int[] {150, 300, 450}) {
      Process p = t.spawn("docker run -d --name half busybox sleep 100");
      Thread.sleep(delayMs);
      p.destroyForcibly();
      p.waitFor();
      try (Engine engine = Engine.open(EngineOptions.at(t.root), EngineListener.NONE)) {
        for (Container c : engine.containers().list(true)) {
          String st = c.state().status().dockerName();
          assertTrue(st.equals("running") || st.equals("created") || st.equals("exited"), st);
          if (!st.equals("running")) {
            assertTrue(Mounts.under(t.root.resolve("containers").resolve(c.id())).isEmpty(),
                "a container that is not running has nothing mounted");
          }
          engine.containers().remove(c.id(), true, false);
        }
        assertTrue(Mounts.under(t.root).isEmpty());
      }
    }
  }
}
