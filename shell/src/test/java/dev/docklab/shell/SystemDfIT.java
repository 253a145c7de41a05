package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker system df: the space images, containers and volumes take, in Docker's layout, measured for real. */
class SystemDfIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-df-"));
    t.run("docker images -q");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private Transcript.Result ok(String line) {
    Transcript.Result r = t.run(line);
    assertEquals(0, r.status(), line + ": " + r.out() + r.err());
    return r;
  }

  @Test
  void theSpaceShowsInDockersLayout() {
    ok("docker run --name writer busybox sh -c 'head -c 2000000 /dev/zero > /two-mb'");
    ok("docker run -d --name holder -v df-data:/data busybox sh -c 'head -c 1000000 /dev/zero > /data/one; sleep 300'");
    ok("docker run --rm -v df-data:/data busybox sh -c 'while [ ! -s /data/one ] || "
        + "[ $(wc -c < /data/one) -lt 1000000 ]; do sleep 0.1; done'");
    List<String> lines = ok("docker system df").out().lines().toList();
    assertEquals("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE", lines.get(0));
    assertTrue(lines.get(1).matches("Images +\\d+ +1 +[0-9.]+[kM]B +[0-9.]+[kM]?B \\(\\d+%\\)"), lines.get(1));
    assertTrue(lines.get(2).matches("Containers +2 +1 +2(\\.\\d+)?MB +2MB \\(\\d+%\\)"), lines.get(2));
    assertEquals("Local Volumes   1         1         1MB       0B (0%)", lines.get(3));
    assertTrue(lines.get(4).matches("Build Cache +\\d+ +0 +0B +0B"), lines.get(4));

    List<String> verbose = ok("docker system df -v").out().lines().toList();
    assertEquals("Images space usage:", verbose.get(0));
    assertTrue(verbose.contains("Containers space usage:"), verbose.toString());
    assertTrue(verbose.stream().anyMatch(l -> l.matches("df-data +1 +1MB")), verbose.toString());
    assertTrue(verbose.stream().anyMatch(l -> l.matches("[0-9a-f]{12} +busybox +\"sh -c head -c 20000…\" +0 +2MB +.+"
        + " ago +Exited \\(0\\) .+ ago +writer")), verbose.toString());
    ok("docker rm -f writer holder");
  }
}
