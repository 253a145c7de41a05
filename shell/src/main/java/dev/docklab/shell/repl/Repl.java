package dev.docklab.shell.repl;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.interp.Shell;
import dev.docklab.shell.explain.ApiSocket;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.StreamInteraction;
import dev.docklab.shell.render.Wrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * The interactive loop on a real terminal: a welcome, then lines read with editing, completion and
 * history, run until {@code exit} or Ctrl-D; Ctrl-C drops the line being typed, or reaches the
 * container running in the foreground.
 */
public final class Repl {
  private static final String PROMPT = "docklab> ";
  private final Supplier<Engine> engine;
  private final Consumer<PrintStream> notices;
  private Supplier<String> dockerHost = () -> null;
  private Supplier<ApiSocket> apiSocket = () -> null;
  private Supplier<String> servedNow = () -> null;
  private BooleanSupplier client = () -> false;
  private CompletableFuture<Terminal> terminalOpening;
  private FirstPrompt first;
  private final Messages messages;
  private final PrintStream out;
  private final PrintStream err;
  private final TraceRecorder trace;

  public Repl(Supplier<Engine> engine, Consumer<PrintStream> notices, Messages messages, PrintStream out,
      PrintStream err, TraceRecorder trace) {
    this.engine = engine;
    this.notices = notices;
    this.messages = messages;
    this.out = out;
    this.err = err;
    this.trace = trace;
  }

  /** The terminal, already being opened (see {@link SystemTerminal#opening}); without it, {@link #run} opens one. */
  public Repl on(CompletableFuture<Terminal> terminal) {
    this.terminalOpening = terminal;
    return this;
  }

  /**
   * The welcome and the first prompt, drawn once {@code terminal} is open (see {@link FirstPrompt}),
   * before the rest of a start: the REPL that {@link #after} is given it takes over from there.
   */
  public static FirstPrompt firstPrompt(CompletableFuture<Terminal> terminal, Messages messages, PrintStream out)
      throws IOException {
    Terminal opened = SystemTerminal.await(terminal);
    return FirstPrompt.draw(opened, welcome(opened, messages), PROMPT, out);
  }

  /** Runs on the terminal of {@code drawn}, a first prompt already on the screen. */
  public Repl after(FirstPrompt drawn) {
    this.first = drawn;
    return this;
  }

  private static List<String> welcome(Terminal terminal, Messages messages) {
    int columns = terminal.getWidth() > 0 ? terminal.getWidth() : StreamInteraction.WIDTH;
    return Wrap.lines(messages.get("repl.welcome", Engine.VERSION), "", columns);
  }

  /**
   * Serves the engine once it is up (see {@code Served}): {@code source} starts it and gives the
   * {@code DOCKER_HOST} other terminals and the REPL's bash lines use.
   */
  public Repl served(Supplier<String> source, Supplier<String> now, Supplier<ApiSocket> socket) {
    this.dockerHost = source;
    this.servedNow = now;
    this.apiSocket = socket;
    return this;
  }

  /** Says, once the engine is up, whether it is another docklab's (this REPL is its client) rather than served here. */
  public Repl clientWhen(BooleanSupplier isClient) {
    this.client = isClient;
    return this;
  }

  /**
   * Reads lines and runs them until the input ends or {@code exit} is typed; Ctrl-C while typing
   * drops the line. The REPL, a script and {@code -c} all go through here. Returns the last status.
   */
  public static int loop(LineSource lines, Shell shell) {
    try {
      while (!shell.exitRequested()) {
        String line;
        try {
          line = lines.readLine(shell.takePlacedInput());
        } catch (LineSource.Interrupted interrupted) {
          continue;
        }
        if (line == null) {
          break;
        }
        shell.execute(line);
      }
      return shell.lastStatus();
    } finally {
      shell.end();
    }
  }

  /**
   * The REPL, running {@code firstLine} first as if typed ({@code docklab jshell} opens in jshell); null for none.
   * The prompt comes first (see {@link FirstPrompt}, drawn by {@link #firstPrompt} and given by {@link #after}):
   * the shell and the line editor are made behind it, then the engine starts to open, and opens behind the
   * editor's prompt (recovery, networks, on a first run the base images), saying so above the prompt when it is
   * up; a line typed before then waits for it.
   */
  public int run(String firstLine) throws IOException {
    CompletableFuture<Engine> opening = new CompletableFuture<>();
    Terminal[] reading = {null};
    Thread opener = new Thread(() -> {
      if (!open(opening)) {
        synchronized (reading) {
          if (reading[0] != null) {
            reading[0].raise(Terminal.Signal.INT); // ends the prompt being read: there is no engine for lines
          }
        }
      }
    }, "docklab-engine-open");
    opener.setDaemon(true);
    CtrlC ctrlC = new CtrlC(engine, err, messages);
    FirstPrompt drawn = first;
    Terminal opened = drawn != null ? drawn.terminal()
        : SystemTerminal.await(terminalOpening != null ? terminalOpening : SystemTerminal.opening());
    try (Terminal terminal = opened) {
      Terminal.SignalHandler interrupt = sig -> ctrlC.interrupt();
      if (drawn == null) { // jshell's first line has its own prompt
        terminal.handle(Terminal.Signal.INT, interrupt);
        welcome(terminal, messages).forEach(out::println);
      }
      TerminalInteraction interaction = new TerminalInteraction(terminal);
      Session session = new Session(engine, out, err, InputStream.nullInputStream(), messages, ctrlC,
          interaction).withTrace(trace);
      session.state().setDockerHost(dockerHost, servedNow);
      session.state().setApiSocket(apiSocket);
      Shell shell = new Shell(session);
      String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
      Path history = Path.of(home, ".docklab_history");
      TerminalLines lines = new TerminalLines(terminal, history,
          new DockerCompleter(shell.builtins(), engine),
          new DocklabHighlighter(shell.builtins()), PROMPT);
      if (drawn != null) {
        drawn.handOver(interrupt);
      }
      PrintStream notes = AbovePrompt.of(lines.reader());
      notices.accept(notes);
      synchronized (reading) {
        reading[0] = terminal;
      }
      opening.thenRun(() -> {
        String host = dockerHost.get();
        if (host != null) {
          Wrap.lines(messages.get(client.getAsBoolean() ? "repl.client" : "repl.served", host), "",
              interaction.width()).forEach(notes::println);
        }
      });
      opening.exceptionally(ex -> {
        Wrap.lines(messages.get("main.error", ex instanceof EngineException e ? Said.of(e, messages)
            : String.valueOf(ex.getMessage())), "", interaction.width()).forEach(notes::println);
        return null;
      });
      // the engine opens once the prompt is drawn, not before: on two cores, its work would halve what the
      // prompt gets of the machine
      opener.start();
      if (firstLine != null) {
        shell.execute(firstLine);
      }
      int status = loop(new Waiting(lines, opening), shell);
      return opening.isCompletedExceptionally() ? 1 : status;
    }
  }

  private boolean open(CompletableFuture<Engine> opening) {
    try {
      return opening.complete(engine.get());
    } catch (RuntimeException ex) {
      opening.completeExceptionally(ex);
      return false;
    }
  }

  /** The terminal's lines, ending the REPL when the engine could not open (its error is already said). */
  private record Waiting(LineSource lines, CompletableFuture<Engine> opening) implements LineSource {
    @Override
    public String readLine(String placed) throws Interrupted {
      if (opening.isCompletedExceptionally()) {
        return null;
      }
      String line = lines.readLine(placed);
      return opening.isCompletedExceptionally() ? null : line;
    }
  }
}
