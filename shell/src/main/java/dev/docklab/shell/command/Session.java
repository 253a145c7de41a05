package dev.docklab.shell.command;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.Interaction;
import dev.docklab.shell.io.StreamInteraction;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command runs with: the engine (opened on first use, since help needs none), the output
 * streams (which {@code $(...)}, pipes and redirections swap), standard input for {@code docker
 * import -}, the way to the learner's terminal, and the {@link SessionState} kept between lines.
 */
public final class Session {
  private final Supplier<Engine> engine;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Foreground foreground;
  private final Interaction interaction;
  private final SessionState state;

  /** A session without a terminal: containers' stdio goes through plain streams. */
  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground) {
    this(engine, out, err, in, messages, foreground, new StreamInteraction(out, err, in));
  }

  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground, Interaction interaction) {
    this(engine, out, err, in, foreground, interaction, new SessionState(messages));
  }

  private Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Foreground foreground,
      Interaction interaction, SessionState state) {
    this.engine = engine;
    this.out = out;
    this.err = err;
    this.in = in;
    this.foreground = foreground;
    this.interaction = interaction;
    this.state = state;
  }

  /** What the session keeps between lines, shared with every session derived from this one. */
  public SessionState state() {
    return state;
  }

  /** The directory host commands run in (created on first use). */
  public Path workspace() {
    return state.workspace();
  }

  /**
   * The same session writing its standard output to {@code newOut} (for command substitution): a
   * captured command has no terminal.
   */
  public Session withOut(PrintStream newOut) {
    return withStreams(newOut, err, in);
  }

  /**
   * The same session on other streams (a pipe, a redirection, input from the host): containers'
   * stdio goes through them, not through the terminal.
   */
  public Session withStreams(PrintStream newOut, PrintStream newErr, InputStream newIn) {
    return new Session(engine, newOut, newErr, newIn, foreground, new StreamInteraction(newOut, newErr, newIn), state);
  }

  /** The engine events of the learner's commands, for {@code explain last}. */
  public TraceRecorder trace() {
    return state.trace();
  }

  /** Containers whose copy-on-write the learner watches ({@code explain cow}), with the last snapshot. */
  public Map<String, Map<String, CowEvent>> cowWatch() {
    return state.cowWatch();
  }

  /** Shares {@code recorder} (the one the engine reports to) with this session. */
  public Session withTrace(TraceRecorder recorder) {
    state.setTrace(recorder);
    return this;
  }

  public Interaction interaction() {
    return interaction;
  }

  /** Columns the learner's terminal has now; 80 when the output goes elsewhere (a script, -c, a pipe). */
  public int width() {
    return interaction.width();
  }

  /**
   * Puts {@code line} on the learner's next input line, typed but not run, when this session's output
   * is the learner's terminal; returns whether it did (a script, {@code -c} or a pipe has no input line).
   */
  public boolean placeInput(String line) {
    if (!interaction.isTerminal()) {
      return false;
    }
    state.placeInput(line);
    return true;
  }

  public Engine engine() {
    return engine.get();
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  public Messages messages() {
    return state.messages();
  }

  /** Shorthand for {@code messages().get(key, args)}. */
  public String msg(String key, Object... args) {
    return state.messages().get(key, args);
  }

  public Foreground foreground() {
    return foreground;
  }

  /** Tracks the container running in the foreground, so that Ctrl-C can reach it. */
  public interface Foreground {
    Foreground NONE = new Foreground() {
      @Override
      public void started(String containerId) {}

      @Override
      public void finished() {}
    };

    void started(String containerId);

    void finished();

    /** A command that runs until Ctrl-C ({@code logs -f}): the first Ctrl-C runs {@code cancel}. */
    default void cancellable(Runnable cancel) {}
  }
}
