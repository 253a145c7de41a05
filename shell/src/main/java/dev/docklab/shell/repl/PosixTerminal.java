package dev.docklab.shell.repl;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.Map;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.spi.Pty;

/**
 * The learner's terminal: JLine's own POSIX terminal on the process's tty, made without the two things
 * that made it the slowest part of a start. Its capabilities come straight from the compiled terminfo
 * entry ({@link Terminfo#capabilities}), not from text JLine parses with a pattern per line; and its
 * signals are handled through {@code sun.misc.Signal} directly, where JLine reaches it by reflection
 * and a dynamic proxy (built at each start: a proxy class cannot be archived with the others). A
 * terminal the database lacks is described as JLine describes it.
 */
final class PosixTerminal extends PosixSysTerminal {
  /** The handlers this terminal replaced, given back when it closes. */
  private final Map<Signal, sun.misc.SignalHandler> replaced = new EnumMap<>(Signal.class);

  PosixTerminal(String name, String type, Pty pty, Charset encoding) throws IOException {
    super(name, type, pty, encoding, false, SignalHandler.SIG_DFL);
  }

  @Override
  protected void parseInfoCmp() {
    // runs in JLine's constructor: only the fields of AbstractTerminal are set yet
    var caps = type == null ? null : Terminfo.capabilities(type, Terminfo.searchPath(System.getenv())).orElse(null);
    if (caps == null) {
      super.parseInfoCmp();
      return;
    }
    bools.addAll(caps.bools());
    ints.putAll(caps.ints());
    strings.putAll(caps.strings());
  }

  @Override
  public SignalHandler handle(Signal signal, SignalHandler handler) {
    SignalHandler prev = handlers.put(signal, handler);
    if (prev != handler) {
      synchronized (replaced) {
        sun.misc.SignalHandler os = handler == SignalHandler.SIG_DFL ? sun.misc.SignalHandler.SIG_DFL
            : handler == SignalHandler.SIG_IGN ? sun.misc.SignalHandler.SIG_IGN : s -> raise(signal);
        try {
          sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), os);
          replaced.putIfAbsent(signal, before);
        } catch (IllegalArgumentException notHere) {
          // a signal this system lacks (INFO on Linux), or one the JVM keeps for itself: JLine skips it too
        }
      }
    }
    return prev;
  }

  @Override
  protected void doClose() throws IOException {
    synchronized (replaced) {
      replaced.forEach((signal, before) -> {
        try {
          sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), before);
        } catch (IllegalArgumentException gone) {
          // restored by nobody: as JLine's own terminal leaves it
        }
      });
      replaced.clear();
    }
    super.doClose();
  }
}
