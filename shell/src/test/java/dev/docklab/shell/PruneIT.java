package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code container prune}, {@code builder prune} and {@code system prune} as a learner types them. */
class PruneIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-prune-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.run("docker rm -f $(docker ps -aq)");
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void containerPruneRemovesStoppedContainersOnlyAndHonoursLabels() {
    t.run("docker run --name keep -d busybox sleep 60");
    t.run("docker run --name gone busybox true");
    t.run("docker run --name labelled --label tier=web busybox true");
    String goneId = t.run("docker inspect -f '{{.Id}}' gone").out().trim();
    Transcript.Result byLabel = t.run("docker container prune -f --filter label=tier=web");
    assertTrue(byLabel.out().startsWith("Deleted Containers:\n"), byLabel.out());
    assertFalse(byLabel.out().contains(goneId), byLabel.out());
    Transcript.Result r = t.run("docker container prune --force");
    assertEquals("Deleted Containers:\n" + goneId + "\n\nTotal reclaimed space: 0B\n", r.out());
    assertEquals("keep\n", t.run("docker ps -a --format '{{.Names}}'").out());
    assertEquals("Total reclaimed space: 0B\n", t.run("docker container prune -f").out());
    assertEquals(1, t.run("docker container prune -f --filter colour=red").status());
    t.run("docker rm -f keep");
  }

  @Test
  void builderPruneForgetsTheCacheSoTheNextBuildRunsEveryStep() throws Exception {
    Path context = Files.createDirectories(t.root.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo built > /f\n");
    String build = "docker build -t cached " + context;
    t.run(build);
    assertTrue(t.run(build).out().contains("Using cache"));
    Transcript.Result dangling = t.run("docker builder prune -f");
    assertEquals("Total reclaimed space: 0B\n", dangling.out(), "the cache of a named image is not dangling");
    Transcript.Result all = t.run("docker builder prune -af");
    assertTrue(all.out().matches("(?s)Deleted build cache objects:\n([0-9a-f]{64}\n)+\nTotal reclaimed space: .*\n"),
        all.out());
    assertFalse(t.run(build).out().contains("Using cache"));
    assertTrue(t.run("docker system df").out().lines().anyMatch(l -> l.matches("Build Cache +1 .*")));
    t.run("docker rmi cached");
  }

  @Test
  void systemPruneAsksThenRemovesStoppedContainersAndUnusedNetworks() {
    t.run("docker network create spare");
    t.run("docker run --name old busybox true");
    Transcript.Result refused = t.run("docker system prune", "n\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(refused.out().startsWith("WARNING! This will remove:\n  - all stopped containers\n"
        + "  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\n"
        + "Are you sure you want to continue? [y/N] "), refused.out());
    assertEquals("old\n", t.run("docker ps -a --format '{{.Names}}'").out());
    Transcript.Result r = t.run("docker system prune -f");
    assertTrue(r.out().contains("Deleted Containers:\n"), r.out());
    assertTrue(r.out().contains("Deleted Networks:\nspare\n\n"), r.out());
    assertTrue(r.out().endsWith("Total reclaimed space: 0B\n"), r.out());
    assertEquals("", t.run("docker ps -aq").out());
  }
}
