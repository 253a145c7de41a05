package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jshell} on a real terminal (tmux): Java on the live engine creates, starts and commits a
 * container, with Tab completing methods and names; {@code docker ps} sees it and the committed image
 * runs from the docker prompt after {@code /exit}; an engine error is one line, Ctrl-C stops a snippet.
 */
class JShellTerminalIT {
  private static final String PROMPT = "docklab> ";
  private static final String JAVA = "jshell>";
  private LessonHarness h;
  private Path home;
  private TmuxSession term;

  @BeforeEach
  void start() throws Exception {
    h = LessonHarness.open("jshell");
    home = Files.createTempDirectory("docklab-jshell-home-");
    Path jar = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the shell first: " + jar);
    term = TmuxSession.start("docklab-jshell-it-" + ProcessHandle.current().pid(), 100, 50,
        "env HOME=" + home + " DOCKLAB_CONFIG=" + h.config + " LANG=C.UTF-8 java -jar " + jar
            + " --data-root " + h.t.root + " --lang en");
    term.waitFor(PROMPT, 120);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (term != null) {
        term.close();
      }
    } finally {
      try {
        h.close();
      } finally {
        Trees.deleteRecursively(home);
      }
    }
  }

  @Test
  void createsFromJavaSeesItInDockerPsCommitsAndRunsTheCommittedImage() throws Exception {
    // a container whose copy-on-write the learner watches, started from Java below
    term.type("docker create --name watched busybox sh -c 'echo x > /w.txt'");
    term.type("explain cow watched");
    term.waitFor("explain cow watched", 60);
    term.waitForLastLine(PROMPT.strip(), 30);
    term.type("jshell");
    term.waitForLastLine(JAVA, 60);
    term.type("var img = engine.images().inspect(\"busybox\")");
    term.waitFor("img ==> Image[id=", 30);
    term.type("/help");
    term.waitFor("|  /exit    back to the docker prompt (or Ctrl-D)", 10);

    // an engine failure is one line in docklab's words, never a stack trace
    term.type("engine.containers().inspect(\"nope\")");
    term.waitFor("|  Engine error: No such container: nope", 30);
    assertFalse(term.screen().contains("\tat ") || term.screen().contains("at dev.docklab"), term.screen());

    // Ctrl-C stops a snippet that never returns, and the prompt comes back
    term.type("Thread.sleep(600_000)");
    Thread.sleep(1000);
    term.keys("C-c");
    term.waitFor("|  Stopped: the snippet was interrupted (Ctrl-C).", 20);
    term.waitForLastLine(JAVA, 10);

    // the copy-on-write watch reports what a container started from Java wrote
    term.type("engine.containers().start(engine.containers().inspect(\"watched\")); engine.containers().wait(\"watched\")");
    term.waitFor("[cow watched] ", 30);
    term.waitFor("/w.txt", 10);

    // Tab completes the engine's methods...
    term.keys("-l", "var c = engine.containers().cre");
    term.keys("Tab");
    term.waitForLastLine(JAVA + " var c = engine.containers().create(", 10);
    term.type("img, \"sh\", \"-c\", \"echo from-java > /f\")");
    term.waitFor("c ==> Container[id=", 30);
    assertTrue(term.screen().contains("command=\"sh -c echo from-java > /f\", status=created]"), term.screen());

    // ...and image names inside a string literal
    term.keys("-l", "engine.images().inspect(\"busybox:lat");
    term.keys("Tab");
    term.waitForLastLine(JAVA + " engine.images().inspect(\"busybox:latest", 10);
    term.type("\").layers().size()");
    term.waitFor(" ==> 2", 30);

    term.type("engine.containers().start(c)");
    term.waitFor("status=running]", 30);
    term.type("engine.containers().wait(c.id())");
    term.waitFor(" ==> 0\n", 30);
    term.type("engine.containers().diff(c)");
    term.waitFor(" ==> [A /f]", 30);
    term.type("engine.images().commit(c, \"mine:v1\")");
    term.waitFor(" ==> sha256:", 60);
    term.type("engine.containers().wait(engine.containers().start(c).id())");
    term.waitFor("$9 ==> 0", 30);

    term.type("/exit");
    term.waitFor("|  Back at the docker prompt.", 20);
    term.waitForLastLine(PROMPT.strip(), 10);
    // the REPL's listener saw the engine calls made from Java
    term.type("explain last");
    term.waitFor("What happened for: engine.containers().wait(engine.containers().start(c).id())", 20);
    term.waitFor("runc start", 10);
    term.clear();
    term.type("docker ps -a");
    term.waitFor("\"sh -c echo from-jav", 30);
    term.type("docker run --rm mine:v1 cat /f");
    term.waitFor("\nfrom-java\n", 60);
    term.type("explain class busybox");
    term.waitFor("  class Busybox {", 30);
    term.waitFor(" = new Busybox(\"sh\", \"-c\", \"echo from-java > /f\");", 10);
    assertTrue(Files.readString(home.resolve(".docklab_jshell_history")).contains("var img = engine.images()"),
        "jshell keeps its own history");
  }
}
