package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two terminals on one engine: the first docklab holds and serves it, the second is its client. */
class TwoTerminalsIT {
  private Path root;
  private Path home;
  private String docklab;

  @BeforeEach
  void dirs() throws Exception {
    root = Files.createTempDirectory("docklab-two-");
    home = Files.createTempDirectory("docklab-two-home-");
    Path built = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(built), "package the shell first: " + built);
    docklab = "env HOME=" + home + " LANG=C.UTF-8 java -jar " + built + " --data-root " + root + " --lang en";
  }

  @AfterEach
  void clean() throws Exception {
    ScratchRoot.destroy(root); // every container the test made goes, even when it failed midway
    Trees.deleteRecursively(home);
  }

  @Test
  void aContainerStartedInOneIsAttachedFromTheOtherAndOneShotLinesNeedNoEngineOfTheirOwn() throws Exception {
    String name = "docklab-two-it-" + ProcessHandle.current().pid();
    try (TmuxSession first = TmuxSession.start(name, 100, 40, docklab)) {
      first.waitFor("Served on unix://" + root.resolve("docklab.sock"), 120);
      first.type("docker run -dit --name shared busybox sh");
      first.waitFor("docklab> ", 30);
      try (TmuxSession second = TmuxSession.start(name + "b", 100, 40,
          "sh -c '" + docklab + "; echo client-exited; sleep 60'")) {
        second.waitFor("this terminal is its client", 60);
        second.type("docker attach shared");
        Thread.sleep(1500);
        second.type("echo from-the-second-terminal");
        second.waitFor("\nfrom-the-second-terminal", 30);
        second.keys("C-p", "C-q");
        second.waitFor("detached from shared", 30); // docklab's own attach, on the first one's engine
        second.waitForLastLine("docklab>", 30);
        second.type("exit");
        second.waitFor("client-exited", 30);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = Main.run(new String[] {"--data-root", root.toString(), "-c",
          "docker inspect -f '{{.State.Status}}' shared; docker logs shared"},
          new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      String said = out.toString(StandardCharsets.UTF_8);
      assertTrue(said.startsWith("running\n"), "still running after the detach: " + said);
      assertTrue(said.contains("from-the-second-terminal"), said);
      first.type("docker rm -f shared");
      first.waitFor("\nshared\n", 30);
      first.type("exit");
    }
  }
}
