package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docker cp} on a real terminal ends with Docker's success line; {@code -q} keeps it quiet. */
class CopyTerminalIT {
  private static final String PROMPT = "docklab>";
  static Transcript t;
  static Path work;
  static TmuxSession term;

  @BeforeAll
  static void start() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-cp-term-"));
    work = Files.createTempDirectory("docklab-cp-term-work-");
    Path jar = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the shell first: " + jar);
    term = TmuxSession.start("docklab-cp-it-" + ProcessHandle.current().pid(), 100, 40,
        "env HOME=" + work + " DOCKLAB_WORKSPACE=" + work + " LANG=C.UTF-8 java -jar " + jar + " --data-root "
            + t.root + " --lang en");
    term.waitFor(PROMPT + " ", 120);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (term != null) {
        term.close();
      }
    } finally {
      t.destroy();
      Trees.deleteRecursively(work);
    }
  }

  @Test
  void theSuccessLineSaysHowMuchAndWhere() throws Exception {
    term.type("docker run -d --name tbox busybox sleep 600");
    term.waitForLastLine(PROMPT, 60);
    term.clear();
    term.type("docker cp tbox:/etc/passwd copied.txt");
    term.waitFor("Successfully copied ", 60);
    String screen = term.screen();
    assertTrue(screen.matches("(?s).*Successfully copied [0-9.]+kB to " + work.resolve("copied.txt") + "\n.*"),
        screen);
    assertTrue(Files.isRegularFile(work.resolve("copied.txt")));
    term.clear();
    term.type("docker cp -q copied.txt tbox:/tmp/ && echo quiet-done");
    term.waitFor("quiet-done", 60);
    assertFalse(term.screen().contains("Successfully copied"), term.screen());
  }
}
