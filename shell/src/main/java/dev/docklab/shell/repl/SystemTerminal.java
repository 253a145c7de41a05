package dev.docklab.shell.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;

/**
 * The learner's terminal, opened without what makes JLine's defaults slow to start: JLine's builder
 * loads every terminal provider it has and checks each (the JNA one loads JNA, the exec one runs
 * {@code test -t}), asks four times for the Windows code pages "ms0" and "cp0" (each a search of every
 * charset provider on the class path) before it takes the JVM's default charset, then runs
 * {@code infocmp} and parses its text. Here the JNI provider's tty becomes a {@link PosixTerminal} in the
 * default charset, described from the terminfo database; JLine's builder makes the terminal only when
 * that cannot be (no JNI library for this machine, or a dumb terminal).
 */
public final class SystemTerminal {
  private SystemTerminal() {}

  /** The terminal docklab's standard streams are on. */
  public static Terminal open() throws IOException {
    Charset encoding = Charset.defaultCharset();
    String type = System.getenv("TERM") == null || System.getenv("TERM").isEmpty() ? "ansi" : System.getenv("TERM");
    try {
      if (type.startsWith("dumb")) {
        throw new IllegalStateException("a dumb terminal is JLine's to make");
      }
      // JLine's JNI provider's tty, as its builder would choose it when standard output is a terminal
      Pty pty = new JniTerminalProvider().current(SystemStream.Output);
      return new PosixTerminal("docklab", type, pty, encoding);
    } catch (IOException | RuntimeException | LinkageError noJni) {
      // no JNI library for this machine: JLine's own choice, as without this class
      Terminfo.register(type);
      return TerminalBuilder.builder().system(true).name("docklab").encoding(encoding).build();
    }
  }

  /**
   * The terminal, opened on a thread of its own from now on: opening it (JLine parses the terminal's
   * description through a table it reads each time) takes about as long as everything else before the
   * prompt, which the main thread does meanwhile on the other core.
   */
  public static CompletableFuture<Terminal> opening() {
    CompletableFuture<Terminal> terminal = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        terminal.complete(open());
      } catch (IOException | RuntimeException e) {
        terminal.completeExceptionally(e);
      }
    }, "docklab-terminal-open");
    opener.setDaemon(true);
    opener.start();
    return terminal;
  }

  /** The terminal {@code opening} opens, once it is open. */
  static Terminal await(CompletableFuture<Terminal> opening) throws IOException {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
