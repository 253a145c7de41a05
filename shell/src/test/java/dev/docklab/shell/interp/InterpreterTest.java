package dev.docklab.shell.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.line.Syntax;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each part of a line runs, with the real host shell in a temp workspace; the docker commands
 * used ({@code --version}, a bad flag) need no engine.
 */
class InterpreterTest {
  private final Interpreter interpreter = new Interpreter(new Builtins(new DockerCli(), (args, s) -> 0));
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir
  Path workspace;
  private Session session;

  @BeforeEach
  void open() {
    session = new Session(() -> {
      throw new AssertionError("these lines need no engine");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(Messages.Lang.EN), Session.Foreground.NONE);
    session.state().setWorkspace(workspace);
  }

  private String run(String text) {
    out.reset();
    err.reset();
    Syntax.Line line = interpreter.parse(text, session);
    if (line != null) {
      interpreter.run(line, session);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private int status() {
    return session.state().lastStatus();
  }

  @Test
  void docklabAndTheHostShareALineJoinedBySemicolonsAndOrs() {
    assertEquals("a\nb\n", run("echo a; printf 'b\\n'"));
    assertEquals("recovered\nok\n", run("false || echo recovered; true && echo ok; false && echo never"));
    assertEquals("3\n", run("sh -c 'exit 3'; echo $?"));
  }

  @Test
  void substitutionsRunTheirLineAndSplitItsOutput() {
    assertEquals("[a b]\n", run("echo [$(echo a   b)]"));
    assertEquals("x y\n", run("echo $(printf 'x\\ny\\n')"), "the inner line may run on the host");
    assertEquals("1\n", run("echo $(docker --version | wc -l)"), "and pipe docklab's output there");
  }

  @Test
  void hostCommandsRunInTheWorkspaceAndACdThereMovesIt() {
    assertEquals("1.txt\n" + workspace.resolve("test") + "\n", run("mkdir -p test; cd test; touch 1.txt; ls; pwd"));
    run("cd; !cd " + workspace + " && mkdir -p deep && cd deep");
    assertEquals(workspace.resolve("deep"), session.workspace());
  }

  @Test
  void docklabsOutputPipesIntoTheHost() {
    assertTrue(run("docker --version | tr a-z A-Z").startsWith("DOCKLAB VERSION "), out.toString());
    assertEquals("HI\n", run("echo hi | tr a-z A-Z"), "echo with a pipe is the host's");
    assertEquals("UNKNOWN FLAG: --FROB\nSEE 'DOCKER RUN --HELP'.\n", run("docker run --frob 2>&1 | tr a-z A-Z"));
    assertEquals(0, status(), "a pipeline's status is its last command's");
  }

  @Test
  void redirectionsWriteFilesThroughTheHost() throws Exception {
    run("docker --version > v.txt; docker -v >> v.txt");
    assertEquals(2, Files.readAllLines(workspace.resolve("v.txt")).size());
    run("docker run --frob 2> err.txt");
    assertEquals(125, status(), "the command's status, not the writer's");
    assertEquals("", out.toString() + err());
    assertEquals("unknown flag: --frob\nSee 'docker run --help'.\n", Files.readString(workspace.resolve("err.txt")));
  }

  @Test
  void inputComesFromTheHost() {
    assertTrue(run("printf secret | docker --version").startsWith("docklab version "));
    run("docker load < missing.tar");
    assertEquals(1, status(), "the file could not be read, so docker load never ran");
    assertTrue(err().contains("missing.tar"), err());
  }

  @Test
  void bangAndUnknownWordsGoToTheHost() {
    assertEquals("3\n", run("!echo $((1+2))"));
    run("!dokcer ps");
    assertEquals(127, status());
    assertTrue(err().contains("dokcer: command not found"), "! still forces the host shell (bash): " + err());
  }

  @Test
  void aSlipFromDockerOrADocklabWordIsCaughtBeforeTheHostRunsIt() {
    Path marker = workspace.resolve("ran");
    run("dcoker ps; touch " + marker);
    assertTrue(err().contains("docklab: dcoker: command not found; did you mean `docker ps`?"), err());
    assertTrue(!err().contains("/bin/sh"), "the host's shell never saw it: " + err());
    assertTrue(Files.exists(marker), "the line goes on after it, as after any failed command");
    run("dcoker ps");
    assertEquals(127, status());
    run("exlpain layers busybox");
    assertTrue(err().contains("did you mean `explain layers busybox`?"), err());
    run("imgaes -a | grep busybox");
    assertTrue(err().contains("`images -a | grep busybox`"), err());
  }

  @Test
  void aSlipIsSaidInTheLearnersLanguage() {
    Session zh = new Session(() -> {
      throw new AssertionError("no engine");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(Messages.Lang.ZH), Session.Foreground.NONE);
    zh.state().setWorkspace(workspace);
    err.reset();
    interpreter.run(interpreter.parse("dcoker ps", zh), zh);
    assertTrue(err().contains("你是想输入 `docker ps` 吗"), err());
  }

  @Test
  void aCompoundCommandRunsWholeInTheHostsBash() {
    assertEquals("1\n2\n", run("for i in 1 2; do echo $i; done"));
    assertEquals("yes\n", run("if true; then echo yes; fi"));
    assertEquals("3\n", run("while [ ${n:-0} -lt 3 ]; do n=$((${n:-0}+1)); done; echo $n"));
    assertTrue(Interpreter.compoundIncomplete("for i in 1 2; do echo $i"), "bash asks for the rest");
    assertTrue(!Interpreter.compoundIncomplete("for i in 1 2; do echo $i; done"));
  }

  @Test
  void hostProgramsAndWordsFarFromDocklabsStillGoToTheHost() {
    assertEquals("hi\n", run("printf 'hi\\n'"));
    run("nosuchprogram");
    assertTrue(err().contains("nosuchprogram: command not found"), "bash says it: " + err());
  }

  @Test
  void aCommandThatRunsOutOfMemoryIsStoppedAndTheLineGoesOn() {
    Session starved = new Session(() -> {
      throw new OutOfMemoryError("Java heap space");
    }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), new Messages(Messages.Lang.EN), Session.Foreground.NONE);
    starved.state().setWorkspace(workspace);
    Syntax.Line line = interpreter.parse("docker images; echo still here", starved);
    interpreter.run(line, starved);
    assertEquals("still here\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("docklab: 'docker images' ran out of memory (Java heap space) and was stopped; docklab goes on\n",
        err());
  }

  @Test
  void whatDocklabCannotDoIsSaidInOneLine() {
    run("docker --version &");
    assertEquals("docklab: syntax error near '&': docklab runs docker commands one after another with ; && or ||, "
        + "it has no pipes or background jobs\n", err());
    assertEquals(2, status());
    run("docker --version 3> x");
    assertEquals("docklab: 3>x: docklab's own commands take >, >>, < and 2>&1; other redirections are for the host's "
        + "shell (put ! in front of the line)\n", err());
    run("; ls");
    assertEquals("docklab: syntax error near unexpected token ';'\n", err());
    assertEquals(2, status());
    run("echo 'open");
    assertEquals("docklab: the line ends inside a quote or $( ... ): close it and try again\n", err());
  }

  @Test
  void exitEndsTheLine() {
    assertEquals("", run("exit 3; echo no"));
    assertEquals(3, status());
    assertTrue(session.state().exitRequested());
    assertNull(interpreter.parse("echo 'x", session));
  }

  @Test
  void aLineWithShellVariablesIsBashsWhole() {
    assertTrue(Interpreter.compound("docker run --rm -v $PWD:/d busybox ls /d"));
    assertTrue(Interpreter.compound("docker run -e H=${HOME} busybox env"));
    assertTrue(Interpreter.compound("echo \"$HOME\""));
    assertTrue(Interpreter.compound("X=5; echo \"$X\""));
    assertFalse(Interpreter.compound("docker inspect -f '{{range $k, $v := .Config.Labels}}{{$k}}{{end}}' c"),
        "a variable in single quotes is the template's, not the shell's");
    assertFalse(Interpreter.compound("docker stop $(docker ps -q)"), "a substitution is docklab's own");
    assertFalse(Interpreter.compound("docker ps; echo $?"));
    assertFalse(Interpreter.compound("echo \\$HOME"), "an escaped dollar is a literal");
  }
}
