package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIGKILL a docklab whose engine keeps network namespaces ready; the next docklab removes them. */
class NetnsPoolCrashIT {
  private Transcript t;

  @BeforeEach
  void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-poolkill-"));
    t.run("docker images -q"); // builds the base image once
  }

  @AfterEach
  void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  /** The namespaces the data root's pool notes name. */
  private List<Path> noted() throws Exception {
    Path notes = t.root.resolve("network").resolve("pool");
    if (!Files.isDirectory(notes)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(notes)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("docklab-pool-"))
          .map(n -> Path.of("/run/netns", n)).toList();
    }
  }

  @Test
  void theNamespacesAKilledDocklabKeptReadyAreRemovedByTheNext() throws Exception {
    Process p = t.spawn("docker run --rm busybox true; docker run --rm busybox sh -c 'echo started; sleep 60'");
    List<Path> ready;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      ready = noted();
      // once the second container runs, no start takes from the pool any more: it only fills up
      if (t.anyContainerLogContains("started") && ready.size() >= 2 && ready.stream().allMatch(Files::exists)) {
        break;
      }
      assertTrue(System.nanoTime() < deadline, "the pool never filled: " + ready);
      Thread.sleep(50);
    }
    p.destroyForcibly(); // SIGKILL: the pool is not emptied
    p.waitFor();
    for (Path spare : ready) {
      assertTrue(Files.exists(spare), spare + " outlives the killed docklab");
    }
    try (Engine engine = Engine.open(EngineOptions.at(t.root), EngineListener.NONE)) {
      for (Path spare : ready) {
        assertFalse(Files.exists(spare), spare + " is removed when the next engine opens");
      }
      assertEquals(List.of(), noted());
    }
  }
}
