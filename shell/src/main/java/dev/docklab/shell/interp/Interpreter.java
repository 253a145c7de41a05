package dev.docklab.shell.interp;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.builtin.Builtin;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.SessionState;
import dev.docklab.shell.line.IncompleteLineException;
import dev.docklab.shell.line.LineParser;
import dev.docklab.shell.line.Syntax;
import dev.docklab.shell.line.SyntaxException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that knows what a line means: it parses the line once into a {@link Syntax.Line}
 * and walks the tree. A pipeline that starts with one of docklab's own words (a builtin, or a docker
 * subcommand with or without {@code docker}) runs here; any other, or one with {@code !} in front,
 * runs on the host's shell in the workspace. Where the two meet, bytes pass between them:
 * {@code docker images | grep busybox}, {@code docker save busybox > b.tar},
 * {@code cat pw.txt | docker login --password-stdin}, {@code docker load < b.tar}.
 */
public final class Interpreter {
  private final Builtins builtins;

  public Interpreter(Builtins builtins) {
    this.builtins = builtins;
  }

  /** The words that open a compound command of the shell: a line starting with one is all the host's. */
  private static final Set<String> COMPOUND = Set.of("for", "while", "until", "if", "case", "select", "function",
      "{", "(", "((", "[[");

  /**
   * Whether {@code text} is the host shell's whole: it opens a compound command ({@code for}, {@code while},
   * {@code if}...), or it uses or sets shell variables ({@code -v $PWD:/app}, {@code X=5; echo "$X"}), which
   * bash expands as a tutorial's shell does.
   */
  public static boolean compound(String text) {
    String first = text.strip().split("[\\s;]", 2)[0];
    return COMPOUND.contains(first) || first.startsWith("(") || usesVariables(text);
  }

  /** A variable's use ({@code $NAME}, {@code ${NAME}}) outside single quotes, or an assignment that opens the line. */
  static boolean usesVariables(String text) {
    if (text.strip().matches("(?s)[A-Za-z_][A-Za-z0-9_]*=.*")) {
      return true;
    }
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && !single) {
        i++;
      } else if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '$' && !single && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (Character.isLetter(next) || next == '_' || next == '{') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a compound line still lacks its end ({@code done}, {@code fi}, {@code esac}...), as bash
   * itself judges it ({@code bash -n}): the REPL then asks for the next line, as a terminal does.
   */
  public static boolean compoundIncomplete(String text) {
    if (!compound(text)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(HostShell.SHELL, "-n", "-c", text).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() != 0 && said.contains("unexpected end of file");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Parses {@code text}; an incomplete or wrong line is reported (status 2) and gives null. A line that
   * opens a compound command ({@code for c in $(docker ps -aq); do ...; done}) is one host pipeline:
   * bash runs it whole, and the docker commands inside reach this engine through {@code DOCKER_HOST}.
   */
  public Syntax.Line parse(String text, Session s) {
    if (compound(text)) {
      Syntax.Command whole = new Syntax.Command(List.of(), List.of(), text.strip());
      return new Syntax.Line(List.of(new Syntax.Item(Syntax.Join.ALWAYS,
          new Syntax.Pipeline(List.of(whole), true), false)));
    }
    try {
      return LineParser.parse(text);
    } catch (IncompleteLineException e) {
      s.err().println("docklab: " + s.msg("line.incomplete"));
    } catch (SyntaxException e) {
      s.err().println("docklab: " + s.msg("line.unexpected", e.token()));
    }
    s.state().setLastStatus(2);
    return null;
  }

  /** Runs {@code line}'s pipelines as their joins say; returns the status of the last one that ran. */
  public int run(Syntax.Line line, Session s) {
    SessionState state = s.state();
    for (Syntax.Item item : line.items()) {
      if (state.exitRequested()) {
        break;
      }
      if ((item.join() == Syntax.Join.IF_OK && state.lastStatus() != 0)
          || (item.join() == Syntax.Join.IF_FAILED && state.lastStatus() == 0)) {
        continue;
      }
      state.setLastStatus(item(item, s));
    }
    return state.lastStatus();
  }

  private int item(Syntax.Item item, Session s) {
    Syntax.Pipeline p = item.pipeline();
    List<Syntax.Command> commands = p.commands();
    if (!p.host() && docklabFirst(item)) {
      if (item.background()) {
        s.err().println("docklab: " + s.msg("line.background"));
        return 2;
      }
      return commands.size() == 1 ? docklab(commands.get(0), s, null) : pipeToHost(p, s);
    }
    Syntax.Command last = commands.isEmpty() ? null : commands.get(commands.size() - 1);
    if (!p.host() && commands.size() > 1 && !item.background() && last.redirects().isEmpty()
        && last.name() != null && (last.name().equals("docker") || last.name().equals("jshell")
        || builtins.docker().command(last.name()) != null)) {
      return hostToDocklab(p, s);
    }
    String typo = p.host() ? null : typo(p);
    if (typo != null) {
      s.err().println("docklab: " + s.msg("shell.did-you-mean", commands.get(0).name(), typo));
      return 127;
    }
    return HostShell.run(p.source() + (item.background() ? " &" : ""), s);
  }

  /**
   * {@code dcoker ps}: the line as meant ({@code docker ps}) when its first word is no program on the
   * PATH but a slip from {@code docker}, a docker subcommand or a builtin; else null.
   */
  private String typo(Syntax.Pipeline p) {
    String name = p.commands().get(0).name();
    List<String> vocabulary = new ArrayList<>(List.of("docker"));
    builtins.docker().commands().forEach(c -> vocabulary.add(c.name()));
    builtins.all().forEach(b -> vocabulary.addAll(b.words()));
    String meant = Typo.meant(name, vocabulary, System.getenv("PATH"));
    if (meant == null) {
      return null;
    }
    String source = p.source();
    int at = source.indexOf(name);
    return at < 0 ? meant : source.substring(0, at) + meant + source.substring(at + name.length());
  }

  /**
   * Whether the pipeline's first command is docklab's: a docker subcommand, or a builtin that
   * {@link Builtin#pipes() pipes}, or any builtin when nothing is piped or redirected (the host's
   * shell has its own echo and cd for {@code echo hi | tr a-z A-Z}).
   */
  private boolean docklabFirst(Syntax.Item item) {
    Syntax.Command first = item.pipeline().commands().get(0);
    String name = first.name();
    if (name == null) {
      return false;
    }
    Builtin b = builtins.find(name);
    boolean plumbing = item.pipeline().commands().size() > 1 || !first.redirects().isEmpty() || item.background();
    return builtins.docker().command(name) != null || (b != null && (b.pipes() || !plumbing));
  }

  /**
   * {@code docker images | grep busybox}: docklab's command runs, and what it printed is the standard
   * input of the rest of the pipeline on the host's shell. The status is the pipeline's, as in sh.
   */
  private int pipeToHost(Syntax.Pipeline p, Session s) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream pipe = new PrintStream(buf, true, StandardCharsets.UTF_8);
    docklab(p.commands().get(0), s, pipe);
    pipe.flush();
    return HostShell.feed(p.source(1, p.commands().size()), buf.toByteArray(), s);
  }

  /**
   * {@code cat pw.txt | docker login -u alice --password-stdin} (or {@code echo 'engine.images().list()' |
   * jshell}): the host's pipeline runs with its
   * output captured, and that is the docklab command's standard input. The status is the docklab
   * command's, as in sh.
   */
  private int hostToDocklab(Syntax.Pipeline p, Session s) {
    int last = p.commands().size() - 1;
    HostShell.Output input = HostShell.capture(p.source(0, last), s);
    if (input.bytes() == null) {
      return input.status();
    }
    return docklab(p.commands().get(last), s.withStreams(s.out(), s.err(), new ByteArrayInputStream(input.bytes())),
        null);
  }

  /** One command of docklab's own, with its redirections; {@code pipe} (or null) takes its output. */
  private int docklab(Syntax.Command c, Session s, PrintStream pipe) {
    if (c.redirects().isEmpty() && pipe == null) {
      return command(c.words(), s);
    }
    try {
      return Redirections.of(c.redirects()).run(s, pipe == null ? s.out() : pipe, session -> command(c.words(), session));
    } catch (Redirections.Unsupported e) {
      s.err().println("docklab: " + s.msg("line.redirect-unsupported", e.getMessage()));
      return 2;
    }
  }

  /** Expands the words ({@code $(...)}, {@code $?}) and runs the builtin or docker subcommand they name. */
  private int command(List<Syntax.Word> words, Session s) {
    List<String> argv = Expander.expand(words, inner -> capture(inner, s), s.state().lastStatus());
    try {
      if (argv.isEmpty()) {
        return 0;
      }
      Builtin b = builtins.find(argv.get(0));
      return b != null ? b.run(argv.subList(1, argv.size()), s)
          : builtins.docker().execute(argv, s); // a docker subcommand typed without docker: "ps" is "docker ps"
    } catch (EngineException e) {
      s.err().println("docklab: " + Said.of(e, s.messages()));
      return 1;
    } catch (RuntimeException e) {
      // never a stack trace in front of the learner: one line, with what failed
      s.err().println("docklab: " + s.msg("shell.internal-error", String.join(" ", argv),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      return 1;
    } catch (OutOfMemoryError | StackOverflowError e) {
      // one command's runaway must not end the learner's shell: what it held is garbage once it is unwound
      s.err().println("docklab: " + s.msg("shell.out-of-memory", String.join(" ", argv),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return 1;
    }
  }

  /** Runs {@code inner} with its standard output captured, for {@code $(...)}. */
  private String capture(Syntax.Line inner, Session s) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    run(inner, s.withOut(out));
    out.flush();
    return buf.toString(StandardCharsets.UTF_8);
  }
}
