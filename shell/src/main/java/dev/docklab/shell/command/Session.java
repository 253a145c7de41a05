package dev.docklab.shell.command;

import dev.docklab.engine.Engine;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.shell.explain.TraceRecorder;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.io.Interaction;
import dev.docklab.shell.io.StreamInteraction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private final Path[] workspace;
  private TraceRecorder trace = new TraceRecorder();
  private Map<String, Map<String, CowEvent>> cowWatch =
      new LinkedHashMap<>();

  /** A session without a terminal: containers' stdio goes through plain streams. */
  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground) {
    this(engine, out, err, in, new Messages[] {messages}, foreground, new StreamInteraction(out, err, in),
        new Path[] {defaultWorkspace()});
  }

  public Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages messages,
      Foreground foreground, Interaction interaction) {
    this(engine, out, err, in, new Messages[] {messages}, foreground, interaction,
        new Path[] {defaultWorkspace()});
  }

  private Session(Supplier<Engine> engine, PrintStream out, PrintStream err, InputStream in, Messages[] messages,
      Foreground foreground, Interaction interaction, Path[] workspace) {
    this.engine = engine;
    this.out = out;
    this.err = err;
    this.in = in;
    this.messages = messages;
    this.foreground = foreground;
    this.interaction = interaction;
    this.workspace = workspace;
  }

  /** The learner's workspace: {@code $DOCKLAB_WORKSPACE}, else {@code ~/docklab}, where host commands run. */
  static Path defaultWorkspace() {
    String env = System.getenv("DOCKLAB_WORKSPACE");
    String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(home, "docklab");
  }

  /** The directory host commands run in (created on first use). */
  public Path workspace() {
    try {
      Files.createDirectories(workspace[0]);
    } catch (IOException e) {
      // the host command will say what is wrong
    }
    return workspace[0];
  }

  public void setWorkspace(Path dir) {
    workspace[0] = dir;
  }

  /**
   * The same session writing its standard output to {@code newOut} (for command substitution): a
   * captured command has no terminal.
   */
  public Session withOut(PrintStream newOut) {
    return new Session(engine, newOut, err, in, messages, foreground, new StreamInteraction(newOut, err, in),
        workspace).withTrace(trace).withCowWatch(cowWatch);
  }

  /** The engine events of the learner's commands, for {@code explain last}. */
  public TraceRecorder trace() {
    return trace;
  }

  /** Containers whose copy-on-write the learner watches ({@code explain cow}), with the last snapshot. */
  public Map<String, Map<String, CowEvent>> cowWatch() {
    return cowWatch;
  }

  /** Shares {@code recorder} (the one the engine reports to) with this session. */
  public Session withTrace(TraceRecorder recorder) {
    this.trace = recorder;
    return this;
  }

  private Session withCowWatch(Map<String, Map<String, CowEvent>> w) {
    this.cowWatch = w;
    return this;
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
