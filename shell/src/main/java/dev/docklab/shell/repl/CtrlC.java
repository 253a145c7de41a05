package dev.docklab.shell.repl;

import dev.docklab.engine.api.Engine;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import java.io.PrintStream;
import java.util.function.Supplier;

/** Ctrl-C while a container runs in the foreground: the first reaches it, the second kills it. */
final class CtrlC implements Session.Foreground {
  private final Supplier<Engine> engine;
  private final PrintStream err;
  private final Messages messages;
  private volatile String container;
  private volatile Runnable cancel;
  private int presses;

  CtrlC(Supplier<Engine> engine, PrintStream err, Messages messages) {
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
        engine.get().containers().kill(id, "INT");
        err.println();
        err.println(messages.get("repl.interrupt"));
      } else {
        engine.get().containers().kill(id, "KILL");
        err.println(messages.get("repl.killed"));
      }
    } catch (RuntimeException e) {
      // it ended meanwhile
    }
  }
}
