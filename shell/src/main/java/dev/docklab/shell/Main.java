package dev.docklab.shell;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.daemon.EventHub;
import dev.docklab.daemon.client.RemoteEngine;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.interp.Shell;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.jshell.JShellCommand;
import dev.docklab.shell.repl.FirstPrompt;
import dev.docklab.shell.repl.LineSource;
import dev.docklab.shell.repl.Repl;
import dev.docklab.shell.repl.ScriptLines;
import dev.docklab.shell.repl.SystemTerminal;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * {@code docklab}: the REPL on a terminal, or lines from {@code -c LINE}, a file or standard input;
 * {@code docklab jshell} (Java on the engine: on a terminal, the REPL opened in {@code jshell}; else
 * snippets from standard input);
 * {@code docklab registry ...} (the hub), {@code docklab lesson test|lint} and {@code docklab images add}
 * (for teachers), and {@code docklab daemon} (the Docker Engine API on a socket). Exits
 * with the status of the last command, as a shell does.
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    if (argv.length > 0 && argv[0].equals(ContainerExited.ARG)) {
      System.exit(ContainerExited.run(List.of(argv).subList(1, argv.length), err));
    }
    System.exit(run(argv, System.in, out, err));
  }

  /** Parsed command-line options. */
  record Options(EngineOptions engine, Messages.Lang lang, String line, String file, boolean help,
      List<String> registry, List<String> lessonTool, Path lessons, List<String> daemon, List<String> images,
      boolean jshell) {}

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
    List<String> lessonTool = null;
    List<String> daemon = null;
    List<String> images = null;
    boolean jshell = false;
    String lessonsEnv = System.getenv("DOCKLAB_LESSONS");
    Path lessons = lessonsEnv == null || lessonsEnv.isBlank() ? null : Path.of(lessonsEnv);
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
        case "--lessons" -> {
          lessons = Path.of(require(a, next));
          i++;
        }
        case "-c" -> {
          line = require(a, next);
          i++;
        }
        case "-h", "--help" -> help = true;
        case "jshell" -> {
          if (file == null && line == null) {
            jshell = true;
          } else {
            file = a;
          }
        }
        case "registry" -> {
          if (file == null && line == null) {
            registry = List.copyOf(args.subList(i + 1, args.size()));
            i = args.size();
          } else {
            file = a;
          }
        }
        case "daemon" -> {
          if (file == null && line == null) {
            daemon = List.copyOf(args.subList(i + 1, args.size()));
            i = args.size();
          } else {
            file = a;
          }
        }
        case "lesson" -> {
          if (file == null && line == null) {
            lessonTool = List.copyOf(args.subList(i + 1, args.size()));
            i = args.size();
          } else {
            file = a;
          }
        }
        case "images" -> {
          if (file == null && line == null) {
            images = List.copyOf(args.subList(i + 1, args.size()));
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
    return new Options(engine, lang, line, file, help, registry, lessonTool, lessons, daemon, images, jshell);
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
    boolean repl = opts.line() == null && opts.file() == null && !opts.help() && opts.registry() == null
        && opts.daemon() == null && opts.lessonTool() == null && opts.images() == null && System.console() != null;
    // the REPL's terminal opens on the other core while this thread reads the messages and builds the shell
    CompletableFuture<Terminal> terminal = repl ? SystemTerminal.opening() : null;
    Messages messages = new Messages(opts.lang());
    if (opts.help()) {
      out.println(messages.get("main.usage"));
      return 0;
    }
    if (opts.registry() != null) {
      return HubCommand.run(opts.registry(), opts.engine().dataRoot(), stdin, out, err, messages);
    }
    if (opts.daemon() != null) {
      return DaemonCommand.run(opts.daemon(), opts.engine(), out, err, messages);
    }
    if (opts.lessons() != null) {
      // the course every shell of this docklab reads: the bundled lessons, then the teacher's folder
      System.setProperty("docklab.lessons", opts.lessons().toAbsolutePath().toString());
    }
    if (opts.lessonTool() != null) {
      return LessonTool.run(opts.lessonTool(), opts.engine(), out, err, messages);
    }
    if (opts.images() != null) {
      return ImagesTool.run(opts.images(), opts.engine(), out, err, messages);
    }
    FirstPrompt first = null;
    if (repl && !opts.jshell()) {
      // the welcome and the prompt now: what comes next (is another docklab serving this engine? the
      // shell, the line editor) is done behind them
      try {
        first = Repl.firstPrompt(terminal, messages, out);
      } catch (IOException e) {
        err.println(messages.get("main.error", e.getMessage()));
        return 1;
      }
    }
    Path socket = ClientMode.served(opts.engine().dataRoot());
    if (socket != null && !repl && !opts.jshell() && ClientMode.cliInstalled()) {
      // another docklab holds this engine and serves it: one-shot lines go to it through the docker CLI
      try {
        BufferedReader r = opts.line() != null ? new BufferedReader(new StringReader(opts.line()))
            : opts.file() == null || opts.file().equals("-")
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(opts.file()));
        return ClientMode.lines(r, socket, out, err);
      } catch (IOException e) {
        err.println(messages.get("main.error", e.getMessage()));
        return 1;
      }
    }
    // a REPL (or jshell) beside a docklab that serves this engine is its client, on the same api
    EngineOptions engineOptions = socket == null ? opts.engine() : opts.engine().withSocket(socket);
    TraceRecorder trace = new TraceRecorder();
    EventHub events = new EventHub();
    LazyEngine engine = new LazyEngine(engineOptions, err, messages, e -> {
      trace.on(e);
      events.on(e);
    });
    events.bind(engine::localIfOpen); // an event's container is named from the start, not only once served
    Served served = new Served(engine, events, opts.engine().dataRoot(), trace);
    trace.skipWhen(served::servingForeign);
    try {
      if (repl) {
        engine.holdNotices();
        return new Repl(engine, engine::noticesTo, messages, out, err, trace)
            .on(terminal)
            .after(first)
            .served(served::dockerHost, served::now, served::socket)
            .clientWhen(served::client)
            .run(opts.jshell() ? "jshell" : null);
      }
      if (opts.jshell()) {
        // snippets from standard input, each result printed: echo 'engine.containers().list()' | docklab jshell
        Session session = new Session(engine, out, err, stdin, messages, Session.Foreground.NONE).withTrace(trace);
        session.state().setDockerHost(served::dockerHost, served::now);
        session.state().setApiSocket(served::socket);
        return JShellCommand.run(List.of(), session);
      }
      LineSource lines = opts.line() != null ? new ScriptLines(new BufferedReader(new StringReader(opts.line())))
          : opts.file() == null || opts.file().equals("-")
              ? new ScriptLines(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)))
              : new ScriptLines(Files.newBufferedReader(Path.of(opts.file())));
      // -c and a script file leave standard input free for `docker import -`
      InputStream commandInput = opts.line() != null || (opts.file() != null && !opts.file().equals("-"))
          ? stdin : InputStream.nullInputStream();
      Session session = new Session(engine, out, err, commandInput, messages, Session.Foreground.NONE)
          .withTrace(trace);
      session.state().setDockerHost(served::dockerHost, served::now);
      session.state().setApiSocket(served::socket);
      return Repl.loop(lines, new Shell(session));
    } catch (EngineException e) {
      err.println(messages.get("main.error", Said.of(e, messages)));
      return 1;
    } catch (IOException e) {
      err.println(messages.get("main.error", e.getMessage()));
      return 1;
    } finally {
      served.close();
      events.close();
      engine.close();
    }
  }

  /** Opens the engine on first use and builds the base images then, telling the learner. */
  static final class LazyEngine implements Supplier<Engine>, AutoCloseable {
    private final EngineOptions options;
    private volatile PrintStream err;
    private volatile boolean announce;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final AtomicBoolean announced = new AtomicBoolean();
    private final Messages messages;
    private final EngineListener listener;
    private volatile Engine engine;

    LazyEngine(EngineOptions options, PrintStream err, Messages messages, EngineListener listener) {
      this.options = options;
      this.err = err;
      this.messages = messages;
      this.listener = listener;
    }

    @Override
    public synchronized Engine get() {
      if (engine == null) {
        Engine e = open();
        try {
          if (e.system().baseImagesMissing()) {
            notice(messages.get("repl.bootstrap"));
            for (String tag : e.system().ensureBaseImages()) {
              notice(messages.get("repl.bootstrap.done", tag));
            }
          }
        } catch (RuntimeException ex) {
          e.close();
          throw ex;
        }
        engine = e;
        if (announce) {
          announce(e);
        }
      }
      return engine;
    }

    /**
     * The in-process engine when it is open, else null; never opens it (a RemoteEngine's events are named by
     * the docklab that serves it).
     */
    Engine localIfOpen() {
      Engine e = engine;
      return e instanceof RemoteEngine ? null : e;
    }

    /**
     * The engine in this process, or the one another docklab serves: when a docklab took the data root a
     * moment ago and is not serving it yet (its first start), this one waits for the socket and is its client.
     */
    private Engine open() {
      EngineOptions local = options.withExitCommand(ContainerExited.command());
      try {
        return Engine.open(local, listener);
      } catch (EngineException held) {
        if (options.socket() != null || held.said() != EngineMessage.DATA_ROOT_IN_USE) {
          throw held;
        }
        Path socket = ClientMode.awaitServed(options.dataRoot(), ClientMode.SOCKET_WAIT);
        if (socket == null) {
          throw held;
        }
        return Engine.open(options.withSocket(socket), listener);
      }
    }

    private void notice(String line) {
      synchronized (held) {
        err.println(line);
      }
    }

    /** Holds the first run's notices until {@link #noticesTo} says where they go. */
    void holdNotices() {
      this.err = new PrintStream(held, true, StandardCharsets.UTF_8);
    }

    /** Where the first run's notices go (above the REPL's prompt, while the engine opens behind it). */
    void noticesTo(PrintStream notices) {
      synchronized (held) {
        notices.print(held.toString(StandardCharsets.UTF_8));
        held.reset();
        this.err = notices;
      }
      this.announce = true;
      Engine e = engine;
      if (e != null) {
        announce(e);
      }
    }

    private void announce(Engine e) {
      if (announced.compareAndSet(false, true)) {
        var info = e.system().info();
        notice(messages.get("repl.ready", info.storageDriver(), info.runtime()));
      }
    }

    @Override
    public synchronized void close() {
      if (engine != null) {
        engine.close();
        engine = null;
      }
    }
  }
}
