package dev.docklab.shell.repl;

import dev.docklab.engine.api.Engine;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.interp.Shell;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Wrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive loop on a real terminal: a welcome, then lines read with editing, completion and
 * history, run until {@code exit} or Ctrl-D; Ctrl-C drops the line being typed, or reaches the
 * container running in the foreground.
 */
public final class Repl {
  private final Supplier<Engine> engine;
  private final Messages messages;
  private final PrintStream out;
  private final PrintStream err;
  private final TraceRecorder trace;

  public Repl(Supplier<Engine> engine, Messages messages, PrintStream out, PrintStream err,
      TraceRecorder trace) {
    this.engine = engine;
    this.messages = messages;
    this.out = out;
    this.err = err;
    this.trace = trace;
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

  public int run() throws IOException {
    return run(null);
  }

  /** The REPL, running {@code firstLine} first as if typed ({@code docklab jshell} opens in jshell); null for none. */
  public int run(String firstLine) throws IOException {
    Engine e = engine.get();
    CtrlC ctrlC = new CtrlC(engine, err, messages);
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("docklab").build()) {
      terminal.handle(Terminal.Signal.INT, sig -> ctrlC.interrupt());
      TerminalInteraction interaction = new TerminalInteraction(terminal);
      Session session = new Session(engine, out, err, InputStream.nullInputStream(), messages, ctrlC,
          interaction).withTrace(trace);
      Shell shell = new Shell(session);
      String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
      Path history = Path.of(home, ".docklab_history");
      TerminalLines lines = new TerminalLines(terminal, history,
          new DockerCompleter(shell.builtins(), engine),
          new DocklabHighlighter(shell.builtins()), "docklab> ");
      var info = e.system().info();
      Wrap.lines(messages.get("repl.welcome", Engine.VERSION, info.storageDriver(), info.runtime()), "",
          interaction.width()).forEach(out::println);
      if (firstLine != null) {
        shell.execute(firstLine);
      }
      return loop(lines, shell);
    }
  }
}
