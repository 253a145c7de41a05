package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docklab daemon} as a learner starts it: the socket as Docker's (root, group docklab, 660),
 * the engine held (a REPL beside it is told), the real CLI served, and SIGTERM ending it cleanly with
 * its containers running on.
 */
class DaemonLauncherIT {
  private static final Path DOCKER = Path.of("/usr/local/bin/docker");
  private Transcript t;
  private Path work;

  @BeforeEach
  void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-daemon-launch-"));
    work = Files.createTempDirectory("docklab-daemon-sock-");
    t.run("docker images -q"); // builds the base images once
  }

  @AfterEach
  void tearDown() throws Exception {
    t.destroy();
    Files.deleteIfExists(work.resolve("out"));
    Files.deleteIfExists(work.resolve("docklab.sock"));
    Files.deleteIfExists(work);
  }

  private ProcessBuilder docklab(String... args) {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar",
        Path.of("target/docklab.jar").toAbsolutePath().toString(), "--lang", "en", "--data-root",
        t.root.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  @Test
  void servesTheCliAndStopsCleanlyOnSigterm() throws Exception {
    assumeTrue(Files.isExecutable(DOCKER), "the docker CLI is installed");
    Path socket = work.resolve("docklab.sock");
    Path out = work.resolve("out");
    Process daemon = docklab("daemon", "-H", "unix://" + socket).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(out).contains("serving the Docker Engine API")) {
        assertTrue(daemon.isAlive() && System.nanoTime() < deadline, Files.readString(out));
        Thread.sleep(100);
      }
      assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
      assertEquals("docklab", ((GroupPrincipal) Files.getAttribute(socket, "posix:group")).getName());
      assertEquals("root", Files.getOwner(socket).getName());

      Process run = new ProcessBuilder(DOCKER.toString(), "-H", "unix://" + socket, "run", "-d", "--name", "bg",
          "busybox", "sleep", "100").redirectErrorStream(true).start();
      String said = new String(run.getInputStream().readAllBytes());
      assertTrue(run.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, run.exitValue(), said);

      Process repl = docklab("-c", "docker ps").redirectErrorStream(true).start();
      String replSaid = new String(repl.getInputStream().readAllBytes());
      assertTrue(repl.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, repl.exitValue(), replSaid);
      assertTrue(replSaid.contains("another docklab engine is using"), replSaid);
    } finally {
      daemon.destroy(); // SIGTERM
      assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon stops on SIGTERM");
    }
    assertEquals(0, daemon.exitValue(), Files.readString(out));
    assertFalse(Files.exists(socket), "the socket goes with the daemon");
    try (Engine engine = Engine.open(EngineOptions.at(t.root), EngineListener.NONE)) {
      assertEquals("running", engine.containers().inspect("bg").state().status().dockerName(),
          "containers keep running when the daemon stops, as with dockerd");
    }
  }
}
