package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.builtin.Builtin;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.line.Expander;
import dev.docklab.shell.line.IncompleteLineException;
import dev.docklab.shell.line.LineParser;
import dev.docklab.shell.line.Script;
import dev.docklab.shell.line.Segments;
import dev.docklab.shell.line.SyntaxException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs lines of the docklab line language: {@code docker ...} commands joined by {@code ;},
 * {@code &&} and {@code ||}, with {@code $(...)} substitution, plus a few shell built-ins
 * ({@code help}, {@code lang}, {@code echo}, {@code clear}, {@code exit}).
 */
public final class Shell {
  private final Session session;
  private final DockerCli docker = new DockerCli();
  private final Builtins builtins = new Builtins(docker, ExplainCommand::run);

  public Shell(Session session) {
    this.session = session;
  }

  /** docklab's own words: what completion, highlighting and help read. */
  public Builtins builtins() {
    return builtins;
  }

  public DockerCli docker() {
    return docker;
  }

  public Session session() {
    return session;
  }

  public boolean exitRequested() {
    return session.state().exitRequested();
  }

  public int lastStatus() {
    return session.state().lastStatus();
  }

  /** Runs one (complete) line and returns the status of the last command that ran. */
  public int execute(String line) {
    if (!firstWord(line).equals("explain")) {
      session.trace().newCommand(line.strip());
    }
    int status = execute(line, session);
    if (!session.cowWatch().isEmpty() && !firstWord(line).equals("explain")) {
      ExplainCommand.tick(session);
    }
    return status;
  }

  private int execute(String line, Session s) {
    List<Segments.Segment> segments;
    try {
      LineParser.parse(line); // reports an unclosed quote or $( for the whole line
    } catch (IncompleteLineException e) {
      s.err().println("docklab: " + s.msg("line.incomplete"));
      return status(s, 2);
    } catch (SyntaxException e) {
      // pipes and redirections are fine in commands for the host's shell
    }
    segments = Segments.split(line);
    for (Segments.Segment seg : segments) {
      if (s.state().exitRequested()) {
        break;
      }
      if ((seg.join() == Script.Join.IF_OK && s.state().lastStatus() != 0)
          || (seg.join() == Script.Join.IF_FAILED && s.state().lastStatus() == 0)) {
        continue;
      }
      String first = firstWord(seg.text());
      if (first.startsWith("!")) {
        status(s, host(seg.text().strip().substring(1), s));
      } else if (first.isEmpty() || first.startsWith("#") || docker.command(first) != null
          || (builtins.find(first) != null && (first.equals("docker") || first.equals("explain") || !Segments.usesShellPlumbing(seg.text())))) {
        String[] pipe = Segments.splitPipe(seg.text());
        String[] redirect = pipe == null ? Segments.splitRedirect(seg.text()) : null;
        String[] input = pipe == null && redirect == null ? Segments.splitInput(seg.text()) : null;
        status(s, pipe != null ? pipeToHost(pipe[0], pipe[1], s)
            : redirect != null ? pipeToHost(redirect[0], "cat " + redirect[1], s) // docker save busybox > b.tar
            : input != null ? hostToDocklab("cat " + input[1], input[0], s) // docker load < busybox.tar
            : executeDocklab(seg.text(), s));
      } else {
        String[] last = Segments.splitLastPipe(seg.text());
        String tail = last == null ? "" : firstWord(last[1]);
        status(s, last != null && (docker.command(tail) != null || tail.equals("docker"))
            && !Segments.usesShellPlumbing(last[1])
            ? hostToDocklab(last[0], last[1], s) // cat pw.txt | docker login --password-stdin
            : host(seg.text(), s));
      }
    }
    return s.state().lastStatus();
  }

  /**
   * {@code docker images | grep busybox}: docklab's command runs, and what it printed is the standard
   * input of the rest of the pipeline on the host's shell. The status is the pipeline's, as in sh.
   */
  private int pipeToHost(String docklabPart, String hostPart, Session s) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    execute(docklabPart, s.withOut(out));
    out.flush();
    return host(hostPart, s.withStreams(s.out(), s.err(), new ByteArrayInputStream(buf.toByteArray())));
  }

  /**
   * {@code cat pw.txt | docker login -u alice --password-stdin}: the host's pipeline runs with its
   * output captured, and that is the docklab command's standard input. The status is the docklab
   * command's, as in sh.
   */
  private int hostToDocklab(String hostPart, String docklabPart, Session s) {
    byte[] input;
    try {
      Process p = new ProcessBuilder("/bin/sh", "-c", hostPart).directory(s.workspace().toFile())
          .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
      Thread errors = new Thread(() -> {
        try (var in = p.getErrorStream()) {
          in.transferTo(s.err());
        } catch (IOException e) {
          // the command ended
        }
      });
      errors.start();
      input = p.getInputStream().readAllBytes();
      p.waitFor();
      errors.join();
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("shell.host-failed", firstWord(hostPart), e.getMessage()));
      return 127;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
    return executeDocklab(docklabPart, s.withStreams(s.out(), s.err(), new ByteArrayInputStream(input)));
  }

  /** One command of docklab's own (docker ..., help, echo...), with $(...) expanded. */
  private int executeDocklab(String line, Session s) {
    Script script;
    try {
      script = LineParser.parse(line);
    } catch (SyntaxException e) {
      s.err().println("docklab: " + e.getMessage());
      return status(s, 2);
    } catch (IncompleteLineException e) {
      s.err().println("docklab: " + s.msg("line.incomplete"));
      return status(s, 2);
    }
    for (Script.Step step : script.commands()) {
      if (s.state().exitRequested()) {
        break;
      }
      if ((step.join() == Script.Join.IF_OK && s.state().lastStatus() != 0)
          || (step.join() == Script.Join.IF_FAILED && s.state().lastStatus() == 0)) {
        continue;
      }
      List<String> argv = Expander.expand(step.words(), inner -> capture(inner, s), s.state().lastStatus());
      try {
        status(s, argv.isEmpty() ? 0 : run(argv, s));
      } catch (EngineException e) {
        s.err().println("docklab: " + e.getMessage());
        status(s, 1);
      } catch (RuntimeException e) {
        // never a stack trace in front of the learner: one line, with what failed
        s.err().println("docklab: " + s.msg("shell.internal-error", String.join(" ", argv),
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        status(s, 1);
      }
    }
    return s.state().lastStatus();
  }

  private static int status(Session s, int status) {
    s.state().setLastStatus(status);
    return status;
  }

  /** The first word of a line as typed (up to a blank or an operator). */
  static String firstWord(String line) {
    String t = line.stripLeading();
    int end = 0;
    while (end < t.length() && " \t\n;&|()<>".indexOf(t.charAt(end)) < 0) {
      end++;
    }
    return t.substring(0, end);
  }

  /**
   * A line that is not docklab's runs on this machine's shell, in the learner's workspace; a
   * {@code cd} in it moves the workspace, as in a terminal.
   */
  private int host(String line, Session s) {
    Path pwdFile = null;
    try {
      pwdFile = Files.createTempFile("docklab-pwd-", "");
      String script = line + "\n__docklab_status=$?\npwd > \"$DOCKLAB_PWD_FILE\"\nexit $__docklab_status\n";
      int code = s.interaction().runOnTerminal(List.of("/bin/sh", "-c", script), s.workspace(),
          Map.of("DOCKLAB_PWD_FILE", pwdFile.toString()));
      String pwd = Files.readString(pwdFile).strip();
      if (!pwd.isEmpty()) {
        s.state().setWorkspace(Path.of(pwd));
      }
      return code;
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("shell.host-failed", firstWord(line), e.getMessage()));
      return 127;
    } finally {
      if (pwdFile != null) {
        try {
          Files.deleteIfExists(pwdFile);
        } catch (IOException e) {
          // a temp file
        }
      }
    }
  }

  /** Runs {@code inner} with its standard output captured, for {@code $(...)}. */
  private String capture(String inner, Session s) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    execute(inner, s.withOut(out));
    out.flush();
    return buf.toString(StandardCharsets.UTF_8);
  }

  private int run(List<String> argv, Session s) {
    Builtin b = builtins.find(argv.get(0));
    return b != null ? b.run(argv.subList(1, argv.size()), s)
        : docker.execute(argv, s); // a docker subcommand typed without docker: "ps" is "docker ps"
  }
}
