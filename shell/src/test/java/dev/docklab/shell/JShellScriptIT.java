package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docklab jshell} fed from standard input, as a script or a lesson feeds it: each result is
 * printed, a snippet spread over lines runs once complete, an engine error is one line in the
 * learner's language, and what the snippets made is there for {@code docker ps}.
 */
class JShellScriptIT {
  private LessonHarness h;

  @BeforeEach
  void open() throws Exception {
    h = LessonHarness.open("jshell-script");
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void printsEachResultAndSaysEngineErrorsInOneLine() {
    String snippets = String.join("\n",
        "engine.containers().list().size()",
        "var c = engine.containers().create(engine.images().inspect(\"busybox\"),",
        "    \"sh\", \"-c\", \"echo hi > /f\")",
        "engine.containers().list().size()",
        "engine.containers().inspect(\"nope\")",
        "/exit",
        "engine.containers().list().size() + 100") + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--data-root", h.t.root.toString(), "--lang", "zh", "jshell"},
        new ByteArrayInputStream(snippets.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String said = out.toString(StandardCharsets.UTF_8);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, said + errors);
    assertTrue(said.contains("$1 ==> 0\n"), said);
    assertTrue(said.contains("c ==> Container[id="), said);
    assertTrue(said.contains("command=\"sh -c echo hi > /f\", status=created]"), said);
    assertTrue(said.contains("$2 ==> 1\n"), said);
    assertFalse(said.contains("==> 101"), "nothing runs after /exit: " + said);
    assertTrue(errors.contains("|  引擎错误：No such container: nope\n"), errors);
    assertFalse(errors.contains("\tat "), errors);
    assertTrue(h.en("docker ps -a --format '{{.Command}} {{.Status}}'").out().contains("\"sh -c echo hi > /f\" Created"),
        "docker ps sees the container made in Java");
  }
}
