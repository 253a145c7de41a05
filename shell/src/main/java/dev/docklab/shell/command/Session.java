package dev.docklab.shell.command;

import dev.docklab.engine.Engine;
import dev.docklab.shell.i18n.Messages;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What a command runs with: the engine (opened on first use, since help needs none), the output
 * streams (which {@code $(...)} swaps for a buffer), standard input for {@code docker import -},
 * and the learner's language.
 */
public final class Session {
  private final Supplier<Engine> engine;
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Messages[] messages;
  private final Foreground foreground;
  private final Interaction interaction;

  /** A session without a terminal: containers' stdio goes through plain streams. */
  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground) {
    this(engine, out, err, in, new Messages[] {messages}, foreground, new StreamInteraction(out, err, in));
  }

  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground, Interaction interaction) {
    this(engine, out, err, in, new Messages[] {messages}, foreground, interaction);
  }

  private Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages[] messages,
      Foreground foreground, Interaction interaction) {
    this.engine = engine;
    this.out = out;
    this.err = err;
    this.in = in;
    this.messages = messages;
    this.foreground = foreground;
    this.interaction = interaction;
  }

  /**
   * The same session writing its standard output to {@code newOut} (for command substitution): a
   * captured command has no terminal.
   */
  public Session withOut(PrintStream newOut) {
    return new Session(engine, newOut, err, in, messages, foreground, new StreamInteraction(newOut, err, in));
  }

  public Interaction interaction() {
    return interaction;
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
    return messages[0];
  }

  /** Switches the language for this session and every session derived from it. */
  public void setMessages(Messages m) {
    messages[0] = m;
  }

  /** Shorthand for {@code messages().get(key, args)}. */
  public String msg(String key, Object... args) {
    return messages[0].get(key, args);
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
