package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker stats} live in a real terminal (tmux): it redraws its table until Ctrl-C gives the prompt back. */
class StatsTerminalIT {
  private Path home;
  private Path root;
  private TmuxSession term;

  @BeforeEach
  void start() throws Exception {
    home = Files.createTempDirectory("docklab-stats-home-");
    root = Files.createTempDirectory("docklab-stats-");
    Path jar = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the shell first: " + jar);
    term = TmuxSession.start("docklab-stats-it-" + ProcessHandle.current().pid(), 120, 30,
        "env HOME=" + home + " LANG=C.UTF-8 java -jar " + jar + " --data-root " + root + " --lang en");
    term.waitFor("docklab> ", 120);
  }

  @AfterEach
  void stop() throws Exception {
    term.close();
    ScratchRoot.destroy(root);
    Trees.deleteRecursively(home);
  }

  @Test
  void liveStatsRedrawUntilCtrlC() throws Exception {
    term.type("docker run -d --name ticking busybox sleep 300");
    term.waitForLastLine("docklab>", 60);
    term.clear();
    term.type("docker stats");
    term.waitFor("CONTAINER ID   NAME", 30);
    term.waitFor("ticking", 10);
    Thread.sleep(2500); // a few redraws: the screen is cleared each time, so one table shows, not many
    String screen = term.screen();
    long headers = screen.lines().filter(l -> l.startsWith("CONTAINER ID")).count();
    assertTrue(headers >= 1, screen);
    term.keys("C-c");
    term.waitForLastLine("docklab>", 10);
    term.type("docker rm -f ticking");
    term.waitFor("\nticking\n", 30);
  }
}
