package dev.docklab.shell;

import dev.docklab.engine.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.Shell;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.repl.DockerCompleter;
import dev.docklab.shell.repl.DocklabHighlighter;
import dev.docklab.shell.repl.LineSource;
import dev.docklab.shell.repl.ScriptLines;
import dev.docklab.shell.repl.TerminalInteraction;
import dev.docklab.shell.repl.TerminalLines;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code docklab}: the REPL on a terminal, or lines from {@code -c LINE}, a file or standard input.
 * Exits with the status of the last command, as a shell does.
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(argv, System.in, out, err));
  }

  /** Parsed command-line options. */
  record Options(EngineOptions engine, Messages.Lang lang, String line, String file, boolean help,
      List<String> registry) {}

  static Options parse(String[] argv) {
    EngineOptions engine = EngineOptions.defaults();
    String env = System.getenv("DOCKLAB_DATA_ROOT");
    if (env != null && !env.isBlank()) {
      engine = EngineOptions.at(Path.of(env));
    }
    Messages.Lang lang = Messages.Lang.fromEnvironment();
    String line = null;
    String file = null;
    boolean help = false;
    List<String> registry = null;
    List<String> args = new ArrayList<>(List.of(argv));
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String next = i + 1 < args.size() ? args.get(i + 1) : null;
      switch (a) {
        case "--data-root" -> {
          engine = new EngineOptions(Path.of(require(a, next)), engine.storageDriver(), engine.runtime(), engine.busybox());
          i++;
        }
        case "--storage-driver" -> {
          engine = engine.withStorageDriver(require(a, next));
          i++;
        }
        case "--runtime" -> {
          engine = new EngineOptions(engine.dataRoot(), engine.storageDriver(), require(a, next), engine.busybox());
          i++;
        }
        case "--lang" -> {
          lang = Messages.Lang.parse(require(a, next));
          if (lang == null) {
            throw new IllegalArgumentException("unknown language " + next + ": choose zh or en");
          }
          i++;
        }
        case "-c" -> {
          line = require(a, next);
          i++;
        }
        case "-h", "--help" -> help = true;
        case "registry" -> {
          if (file == null && line == null) {
            registry = List.copyOf(args.subList(i + 1, args.size()));
            i = args.size();
          } else {
            file = a;
          }
        }
        default -> {
          if (a.startsWith("-") && !a.equals("-")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          file = a;
        }
      }
    }
    return new Options(engine, lang, line, file, help, registry);
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  static int run(String[] argv, InputStream stdin, PrintStream out, PrintStream err) {
    Options opts;
    try {
      opts = parse(argv);
    } catch (IllegalArgumentException e) {
      Messages m = new Messages(Messages.Lang.fromEnvironment());
      err.println(m.get("main.error", e.getMessage()));
      err.println(m.get("main.usage"));
      return 2;
    }
    Messages messages = new Messages(opts.lang());
    if (opts.help()) {
      out.println(messages.get("main.usage"));
      return 0;
    }
    if (opts.registry() != null) {
      return HubCommand.run(opts.registry(), opts.engine().dataRoot(), stdin, out, err, messages);
    }
    TraceRecorder trace = new TraceRecorder();
    LazyEngine engine = new LazyEngine(opts.engine(), err, messages, trace);
    boolean interactive = opts.line() == null && opts.file() == null && System.console() != null;
    try {
      if (interactive) {
        return new Repl(engine, messages, out, err, trace).run();
      }
      LineSource lines = opts.line() != null ? new ScriptLines(new BufferedReader(new StringReader(opts.line())))
          : opts.file() == null || opts.file().equals("-")
              ? new ScriptLines(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)))
              : new ScriptLines(Files.newBufferedReader(Path.of(opts.file())));
      // -c and a script file leave standard input free for `docker import -`
      InputStream commandInput = opts.line() != null || (opts.file() != null && !opts.file().equals("-"))
          ? stdin : InputStream.nullInputStream();
      Shell shell = new Shell(new Session(engine, out, err, commandInput, messages, Session.Foreground.NONE)
          .withTrace(trace));
      String line;
      while (!shell.exitRequested() && (line = lines.readLine()) != null) {
        shell.execute(line);
      }
      return shell.lastStatus();
    } catch (EngineException e) {
      err.println(messages.get("main.error", e.getMessage()));
      return 1;
    } catch (IOException e) {
      err.println(messages.get("main.error", e.getMessage()));
      return 1;
    } catch (LineSource.Interrupted e) {
      return 130;
    } finally {
      engine.close();
    }
  }

  /** Opens the engine on first use and builds the base images then, telling the learner. */
  static final class LazyEngine implements Supplier<Engine>, AutoCloseable {
    private final EngineOptions options;
    private final PrintStream err;
    private final Messages messages;
    private final EngineListener listener;
    private Engine engine;

    LazyEngine(EngineOptions options, PrintStream err, Messages messages, EngineListener listener) {
      this.options = options;
      this.err = err;
      this.messages = messages;
      this.listener = listener;
    }

    @Override
    public synchronized Engine get() {
      if (engine == null) {
        Engine e = Engine.open(options, listener);
        try {
          if (e.baseImagesMissing()) {
            err.println(messages.get("repl.bootstrap"));
            for (String tag : e.ensureBaseImages()) {
              err.println(messages.get("repl.bootstrap.done", tag));
            }
          }
        } catch (RuntimeException ex) {
          e.close();
          throw ex;
        }
        engine = e;
      }
      return engine;
    }

    @Override
    public synchronized void close() {
      if (engine != null) {
        engine.close();
        engine = null;
      }
    }
  }

  /** The interactive loop on a real terminal. */
  static final class Repl {
    private final LazyEngine engine;
    private final Messages messages;
    private final PrintStream out;
    private final PrintStream err;
    private final TraceRecorder trace;

    Repl(LazyEngine engine, Messages messages, PrintStream out, PrintStream err,
        TraceRecorder trace) {
      this.engine = engine;
      this.messages = messages;
      this.out = out;
      this.err = err;
      this.trace = trace;
    }

    int run() throws IOException {
      Engine e = engine.get();
      CtrlC ctrlC = new CtrlC(engine, err, messages);
      try (Terminal terminal = TerminalBuilder.builder().system(true).name("docklab").build()) {
        terminal.handle(Terminal.Signal.INT, sig -> ctrlC.interrupt());
        Session session = new Session(engine, out, err, InputStream.nullInputStream(), messages, ctrlC,
            new TerminalInteraction(terminal)).withTrace(trace);
        Shell shell = new Shell(session);
        String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
        Path history = Path.of(home, ".docklab_history");
        TerminalLines lines = new TerminalLines(terminal, history,
            new DockerCompleter(shell.builtins(), engine),
            new DocklabHighlighter(shell.builtins()), "docklab> ");
        var info = e.info();
        out.println(messages.get("repl.welcome", Engine.VERSION, info.storageDriver(), info.runtime()));
        while (!shell.exitRequested()) {
          String line;
          try {
            line = lines.readLine();
          } catch (LineSource.Interrupted interrupted) {
            continue;
          }
          if (line == null) {
            break;
          }
          shell.execute(line);
        }
        return shell.lastStatus();
      }
    }
  }

  /** Ctrl-C while a container runs in the foreground: the first reaches it, the second kills it. */
  static final class CtrlC implements Session.Foreground {
    private final LazyEngine engine;
    private final PrintStream err;
    private final Messages messages;
    private volatile String container;
    private volatile Runnable cancel;
    private int presses;

    CtrlC(LazyEngine engine, PrintStream err, Messages messages) {
      this.engine = engine;
      this.err = err;
      this.messages = messages;
    }

    @Override
    public synchronized void started(String containerId) {
      container = containerId;
      presses = 0;
    }

    @Override
    public synchronized void finished() {
      container = null;
      cancel = null;
    }

    @Override
    public synchronized void cancellable(Runnable onCtrlC) {
      cancel = onCtrlC;
    }

    synchronized void interrupt() {
      if (cancel != null) {
        cancel.run();
        return;
      }
      String id = container;
      if (id == null) {
        return;
      }
      try {
        if (presses++ == 0) {
          engine.get().kill(id, "INT");
          err.println();
          err.println(messages.get("repl.interrupt"));
        } else {
          engine.get().kill(id, "KILL");
          err.println(messages.get("repl.killed"));
        }
      } catch (RuntimeException e) {
        // it ended meanwhile
      }
    }
  }
}
