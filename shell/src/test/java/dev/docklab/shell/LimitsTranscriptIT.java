package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --pids-limit} and {@code -m} on top of the engine's default limits, and OOMKilled, as a learner sees them. */
class LimitsTranscriptIT {
  private static final String PIDS_MAX = "cat /sys/fs/cgroup/pids/pids.max";
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-shell-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void pidsLimitIsTheDefaultUnlessTheRunSetsOrLiftsIt() {
    assertEquals("1024\n", t.run("docker run --rm busybox " + PIDS_MAX).out());
    assertEquals("300\n", t.run("docker run --rm --pids-limit 300 busybox " + PIDS_MAX).out());
    assertEquals("max\n", t.run("docker run --rm --pids-limit -1 busybox " + PIDS_MAX).out());
    assertEquals("max\n", t.run("docker run --rm --pids-limit=0 busybox " + PIDS_MAX).out());
  }

  @Test
  void memoryIsTheDefaultUnlessTheRunSetsOrLiftsIt() {
    String limit = "cat /sys/fs/cgroup/memory/memory.limit_in_bytes";
    assertEquals("1073741824\n", t.run("docker run --rm busybox " + limit).out());
    assertEquals("67108864\n", t.run("docker run --rm -m 64m busybox " + limit).out());
    assertTrue(Long.parseLong(t.run("docker run --rm -m 0 busybox " + limit).out().strip()) > 1L << 60);
    assertEquals("-m 0: no limit\n", t.run("docker run --name nolimit -m 0 busybox true; "
        + "docker inspect -f '-m {{.HostConfig.Memory}}: no limit' nolimit").out());
  }

  @Test
  void aBadDefaultInDaemonJsonIsOneClearLine() throws Exception {
    Path daemonJson = t.root.resolve("daemon.json");
    Files.writeString(daemonJson, "{\"default-memory\": \"1m\"}\n");
    try {
      Transcript.Result r = t.run("docker run --rm busybox true");
      // after the base images' first-run lines, if this runs first
      List<String> lines = r.err().lines()
          .filter(l -> !l.startsWith("Building the base") && !l.startsWith("Made image")).toList();
      assertEquals(List.of("docker: Error response from daemon: could not read " + daemonJson + ": default-memory: "
          + "Minimum memory limit allowed is 6MB (fix it, or remove it for the defaults).",
          "See 'docker run --help'."), lines, r.err());
      assertEquals(125, r.status());
    } finally {
      Files.delete(daemonJson);
    }
  }

  @Test
  void aContainerKilledByItsMemoryLimitShowsOomKilled() {
    Transcript.Result r = t.run("docker run --name hog -m 8m busybox "
        + "sh -c 'x=$(head -c 64m /dev/zero | tr \"\\0\" a)'; "
        + "echo $?; docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' hog");
    assertEquals("137\ntrue 137\n", r.out(), r.err());
    assertTrue(t.run("docker ps -a --filter name=hog").out().contains("Exited (137)"));
  }
}
