package dev.docklab.shell.explain;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Keeps the engine's events of the last command the learner typed, for {@code explain last}. */
public final class TraceRecorder implements EngineListener {
  private String currentLine = "";
  private List<EngineEvent> current = new ArrayList<>();
  private String lastLine = "";
  private List<EngineEvent> last = List.of();
  private String explainLine = "";
  private volatile BooleanSupplier skip = () -> false;

  /**
   * Leaves out the events emitted while {@code foreign} holds: those of a request that another
   * terminal's docker CLI made to the served engine, which are not this learner's.
   */
  public void skipWhen(BooleanSupplier foreign) {
    this.skip = foreign;
  }

  /** A new command line starts: what the previous one did becomes "the last command". */
  public synchronized void newCommand(String line) {
    if (!current.isEmpty() || !currentLine.isEmpty()) {
      lastLine = currentLine;
      last = List.copyOf(current);
    }
    currentLine = line;
    current = new ArrayList<>();
  }

  /** An {@code explain ...} line starts: it is no command of its own, but its text is kept as typed. */
  public synchronized void explaining(String line) {
    explainLine = line;
  }

  /** The {@code explain ...} line being run, as the learner typed it. */
  public synchronized String explainLine() {
    return explainLine;
  }

  @Override
  public void on(EngineEvent event) {
    if (skip.getAsBoolean()) {
      return;
    }
    synchronized (this) {
      current.add(event);
    }
  }

  /** The events of the most recent finished command (the one before {@code explain last}). */
  public synchronized List<EngineEvent> lastEvents() {
    return current.isEmpty() ? last : List.copyOf(current);
  }

  public synchronized String lastLine() {
    // with no step on record at all, the last line is the one just run (it made none)
    return !current.isEmpty() || last.isEmpty() ? currentLine : lastLine;
  }
}
