package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second REPL on an engine the first one holds and serves is a whole REPL on that engine (through
 * {@code RemoteEngine}): docker commands, explain views and {@code explain last} of its own command,
 * jshell with {@code engine} bound, a lesson's check; and the first REPL sees what the second made.
 */
class SecondReplIT {
  private LessonHarness h;
  private Path root;
  private Path home;
  private String docklab;

  @BeforeEach
  void dirs() throws Exception {
    h = LessonHarness.open("second");
    root = h.t.root;
    home = Files.createTempDirectory("docklab-second-home-");
    Path built = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(built), "package the shell first: " + built);
    docklab = "env HOME=" + home + " DOCKLAB_CONFIG=" + h.config + " LANG=C.UTF-8 java -jar " + built + " --data-root "
        + root + " --lang en";
  }

  @AfterEach
  void clean() throws Exception {
    try {
      h.close(); // every container the test made goes, even when it failed midway; nothing stays mounted
    } finally {
      Trees.deleteRecursively(home);
    }
  }

  @Test
  void theSecondReplExplainsRunsJavaAndChecksALessonOnTheFirstOnesEngine() throws Exception {
    String name = "docklab-second-it-" + ProcessHandle.current().pid();
    try (TmuxSession first = TmuxSession.start(name, 100, 50, docklab)) {
      first.waitFor("Served on unix://" + root.resolve("docklab.sock"), 120);
      try (TmuxSession second = TmuxSession.start(name + "b", 100, 200,
          "sh -c '" + docklab + "; echo client-exited; sleep 60'")) {
        second.waitFor("this terminal is its client", 60);
        second.waitForLastLine("docklab>", 30);

        second.type("docker run -d --name from-second busybox sleep 300");
        second.waitForLastLine("docklab>", 30);
        second.type("explain last");
        second.waitFor("What happened for: docker run -d --name from-second busybox sleep 300", 30);
        second.waitFor("mount the union filesystem", 30);
        second.waitFor("start the container's process", 30);

        second.type("explain layers busybox");
        second.waitFor("Image busybox (", 30);
        second.waitForLastLine("docklab>", 30);

        second.type("jshell");
        second.waitFor("jshell>", 60);
        second.type("engine.containers().list().size()");
        second.waitFor("==> 1", 30);
        second.type("/exit");
        second.waitForLastLine("docklab>", 30);

        second.type("lesson first-container");
        second.waitFor("Step 1/", 30);
        second.type("docker run -dit --name box busybox sh");
        second.waitFor(">> Step 1/", 30);

        first.type("docker ps --format '{{.Names}}' | sort | tr '\\n' ' '; echo");
        first.waitFor("box from-second", 30);

        second.type("exit");
        second.waitFor("client-exited", 30);
      }
      first.type("docker rm -f box from-second");
      first.waitFor("\nfrom-second\n", 30);
      first.type("exit");
    }
  }

  @Test
  void aSecondReplStartedWhileTheFirstOpensTheEngineWaitsForItsSocketAndBecomesItsClient() throws Exception {
    String name = "docklab-second-race-it-" + ProcessHandle.current().pid();
    String served = "Served on unix://" + root.resolve("docklab.sock");
    // a fresh data root: the REPL that takes the engine holds it while it builds the base images, and serves
    // it only then; the other one, started a moment later, finds it held and not served yet
    String command = "sh -c '" + docklab + "; echo exited; sleep 60'";
    try (TmuxSession a = TmuxSession.start(name, 100, 50, command);
        TmuxSession b = TmuxSession.start(name + "b", 100, 50, command)) {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!a.screen().contains(served) && !b.screen().contains(served) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      TmuxSession holder = a.screen().contains(served) ? a : b;
      TmuxSession client = holder == a ? b : a;
      holder.waitFor(served, 1);
      client.waitFor("this terminal is its client", 60);
      String said = client.screen().replaceAll("\\s+", " ");
      assertTrue(!said.contains("another docklab engine is using"), said);
      client.type("docker run -d --name raced busybox sleep 300");
      client.waitForLastLine("docklab>", 30);
      holder.type("docker ps --format 'seen {{.Names}}'");
      holder.waitFor("seen raced", 30);
      client.type("exit");
      client.waitFor("exited", 30);
      holder.type("docker rm -f raced");
      holder.waitFor("\nraced\n", 30);
      holder.type("exit");
      holder.waitFor("exited", 30);
    }
  }
}
