package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.i18n.Messages;
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
import java.util.Set;

/**
 * Runs lines of the docklab line language: {@code docker ...} commands joined by {@code ;},
 * {@code &&} and {@code ||}, with {@code $(...)} substitution, plus a few shell built-ins
 * ({@code help}, {@code lang}, {@code echo}, {@code clear}, {@code exit}).
 */
public final class Shell {
  private final Session session;
  private final DockerCli docker = new DockerCli();
  private int lastStatus;
  private boolean exitRequested;

  public Shell(Session session) {
    this.session = session;
  }

  public DockerCli docker() {
    return docker;
  }

  public Session session() {
    return session;
  }

  public boolean exitRequested() {
    return exitRequested;
  }

  public int lastStatus() {
    return lastStatus;
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

  /** Words that are docklab's own, never handed to the host's shell. */
  private static final Set<String> BUILTINS = Set.of("docker", "help", "?", "exit", "quit", "lang",
      "echo", "clear", "cd", "pwd", "explain");

  private int execute(String line, Session s) {
    List<Segments.Segment> segments;
    try {
      LineParser.parse(line); // reports an unclosed quote or $( for the whole line
    } catch (IncompleteLineException e) {
      s.err().println("docklab: " + s.msg("line.incomplete"));
      return lastStatus = 2;
    } catch (SyntaxException e) {
      // pipes and redirections are fine in commands for the host's shell
    }
    segments = Segments.split(line);
    for (Segments.Segment seg : segments) {
      if (exitRequested) {
        break;
      }
      if ((seg.join() == Script.Join.IF_OK && lastStatus != 0)
          || (seg.join() == Script.Join.IF_FAILED && lastStatus == 0)) {
        continue;
      }
      String first = firstWord(seg.text());
      if (first.startsWith("!")) {
        lastStatus = host(seg.text().strip().substring(1), s);
      } else if (first.isEmpty() || first.startsWith("#") || docker.command(first) != null
          || (BUILTINS.contains(first) && (first.equals("docker") || first.equals("explain") || !Segments.usesShellPlumbing(seg.text())))) {
        String[] pipe = Segments.splitPipe(seg.text());
        String[] redirect = pipe == null ? Segments.splitRedirect(seg.text()) : null;
        String[] input = pipe == null && redirect == null ? Segments.splitInput(seg.text()) : null;
        lastStatus = pipe != null ? pipeToHost(pipe[0], pipe[1], s)
            : redirect != null ? pipeToHost(redirect[0], "cat " + redirect[1], s) // docker save busybox > b.tar
            : input != null ? hostToDocklab("cat " + input[1], input[0], s) // docker load < busybox.tar
            : executeDocklab(seg.text(), s);
      } else {
        String[] last = Segments.splitLastPipe(seg.text());
        String tail = last == null ? "" : firstWord(last[1]);
        lastStatus = last != null && (docker.command(tail) != null || tail.equals("docker"))
            && !Segments.usesShellPlumbing(last[1])
            ? hostToDocklab(last[0], last[1], s) // cat pw.txt | docker login --password-stdin
            : host(seg.text(), s);
      }
    }
    return lastStatus;
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
      return lastStatus = 2;
    } catch (IncompleteLineException e) {
      s.err().println("docklab: " + s.msg("line.incomplete"));
      return lastStatus = 2;
    }
    for (Script.Step step : script.commands()) {
      if (exitRequested) {
        break;
      }
      if ((step.join() == Script.Join.IF_OK && lastStatus != 0)
          || (step.join() == Script.Join.IF_FAILED && lastStatus == 0)) {
        continue;
      }
      List<String> argv = Expander.expand(step.words(), inner -> capture(inner, s), lastStatus);
      try {
        lastStatus = argv.isEmpty() ? 0 : run(argv, s);
      } catch (EngineException e) {
        s.err().println("docklab: " + e.getMessage());
        lastStatus = 1;
      } catch (RuntimeException e) {
        // never a stack trace in front of the learner: one line, with what failed
        s.err().println("docklab: " + s.msg("shell.internal-error", String.join(" ", argv),
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        lastStatus = 1;
      }
    }
    return lastStatus;
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
    String cmd = argv.get(0);
    List<String> rest = argv.subList(1, argv.size());
    switch (cmd) {
      case "docker":
        return docker.execute(rest, s);
      case "help":
      case "?":
        return help(rest, s);
      case "exit":
      case "quit":
        exitRequested = true;
        return rest.isEmpty() ? lastStatus : parseStatus(rest.get(0));
      case "lang":
        return lang(rest, s);
      case "echo":
        s.out().println(String.join(" ", rest));
        return 0;
      case "clear":
        s.out().print("\033[H\033[2J");
        s.out().flush();
        return 0;
      case "pwd":
        s.out().println(s.workspace());
        return 0;
      case "cd":
        return cd(rest, s);
      case "explain":
        return ExplainCommand.run(rest, s);
      default:
        return docker.execute(argv, s); // a docker subcommand typed without docker: "ps" is "docker ps"
    }
  }

  private static int cd(List<String> args, Session s) {
    Path target = args.isEmpty() ? SessionState.defaultWorkspace()
        : s.workspace().resolve(args.get(0).replaceFirst("^~", System.getenv().getOrDefault("HOME", "~"))).normalize();
    if (!Files.isDirectory(target)) {
      s.err().println("docklab: cd: " + args.get(0) + ": No such file or directory");
      return 1;
    }
    s.state().setWorkspace(target);
    return 0;
  }

  private static int parseStatus(String s) {
    try {
      return Integer.parseInt(s) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private int help(List<String> args, Session s) {
    if (!args.isEmpty()) {
      String name = args.get(0).equals("docker") && args.size() > 1 ? args.get(1) : args.get(0);
      Command c = docker.command(name);
      if (c != null) {
        docker.printHelp(c, s);
        return 0;
      }
      if (s.messages().has("help.topic." + name)) {
        s.out().println(s.msg("help.topic." + name));
        return 0;
      }
      s.err().println("docklab: " + s.msg("help.unknown", name));
      return 1;
    }
    var o = s.out();
    o.println(s.msg("help.intro"));
    o.println();
    int w = docker.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0) + 7;
    for (var group : docker.groups().entrySet()) {
      o.println(s.msg(group.getKey()));
      for (Command c : group.getValue()) {
        String left = "docker " + c.name();
        o.println("  " + left + " ".repeat(w - left.length() + 2) + s.msg("cmd." + c.name() + ".summary"));
      }
      o.println();
    }
    o.println(s.msg("help.shell"));
    o.println(s.msg("help.host", s.workspace()));
    o.println();
    o.println(s.msg("help.more"));
    return 0;
  }

  private int lang(List<String> args, Session s) {
    if (args.isEmpty()) {
      s.out().println(s.messages().lang().name().toLowerCase());
      return 0;
    }
    Messages.Lang l = Messages.Lang.parse(args.get(0));
    if (l == null) {
      s.err().println("docklab: " + s.msg("lang.unknown", args.get(0)));
      return 1;
    }
    s.state().setMessages(new Messages(l));
    s.out().println(s.msg("lang.set"));
    return 0;
  }
}
