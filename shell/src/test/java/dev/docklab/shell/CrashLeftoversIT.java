package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docklab killed (SIGKILL, at a chosen point) in the middle of rmi, build and commit: the next start
 * clears what the crash left (the image's layers and blobs, the build's step container, the pause of
 * commit), and never what a live image or container uses.
 */
class CrashLeftoversIT {
  private Transcript t;
  private Path ctx;

  @BeforeEach
  void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-leftovers-"));
    ctx = Files.createTempDirectory("docklab-leftovers-ctx-");
    t.run("docker images -q"); // the base images
  }

  @AfterEach
  void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(ctx);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  /** {@code docklab -c LINE} in a process of its own that kills itself at {@code crashPoint}; returns its status. */
  private int crashAt(String crashPoint, String line) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-Ddocklab.crash-at=" + crashPoint, "-jar",
        Path.of("target/docklab.jar").toAbsolutePath().toString(), "--data-root", t.root.toString(), "-c", line));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), line);
    return p.exitValue();
  }

  private Transcript.Result ok(String line) {
    Transcript.Result r = t.run(line);
    assertEquals(0, r.status(), line + ": " + r.out() + r.err());
    return r;
  }

  @Test
  void theLayersAndBlobsOfAnImageWhoseRmiWasKilledGoAtTheNextStart() throws Exception {
    ok("docker run --name writer busybox sh -c 'head -c 3000000 /dev/urandom > /big'");
    ok("docker commit writer big:1");
    ok("docker rm writer");
    JsonNode image = new ObjectMapper().readTree(ok("docker image inspect big:1").out()).get(0);
    JsonNode layers = image.path("RootFS").path("Layers");
    String own = layers.get(layers.size() - 1).asText().substring("sha256:".length());
    String config = image.path("Id").asText().substring("sha256:".length());
    assertTrue(Files.isDirectory(t.root.resolve("layers").resolve(own)));

    assertEquals(137, crashAt("rmi-unrecorded", "docker rmi big:1"));
    assertTrue(Files.isDirectory(t.root.resolve("layers").resolve(own)), "the crash left the layer");

    ok("docker images -q"); // the next start
    assertFalse(Files.exists(t.root.resolve("layers").resolve(own)), "its layer is gone");
    assertFalse(Files.exists(t.root.resolve("blobs/sha256").resolve(config)), "its config blob is gone");
    assertEquals("hi\n", ok("docker run --rm busybox echo hi").out(), "what live images use is kept");
  }

  @Test
  void aStepContainerOfAKilledBuildGoesAtTheNextStart() throws Exception {
    Path dir = Files.createDirectories(ctx.resolve("steps"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\nRUN echo step > /step\n");
    ok("docker run -d --name keep busybox sleep 300");
    assertEquals(137, crashAt("build-step-ran", "docker build -t steps " + dir));
    assertEquals(2, t.root.resolve("containers").toFile().list().length, "the crash left the step container");

    assertEquals("keep\n", ok("docker ps -a --format '{{.Names}}'").out(), "only the learner's container is left");
    assertEquals("running\n", ok("docker inspect -f '{{.State.Status}}' keep").out());
  }

  @Test
  void aContainerPausedByAKilledCommitRunsAgainAtTheNextStart() throws Exception {
    ok("docker run -d --name committing busybox sleep 300");
    ok("docker run -d --name paused busybox sleep 300");
    ok("docker pause paused");
    assertEquals(137, crashAt("commit-paused", "docker commit committing snap:1"));

    assertEquals("running\n", ok("docker inspect -f '{{.State.Status}}' committing").out(), "commit's pause is undone");
    assertEquals("paused\n", ok("docker inspect -f '{{.State.Status}}' paused").out(),
        "a container the learner paused stays paused");
    ok("docker unpause paused");
  }
}
