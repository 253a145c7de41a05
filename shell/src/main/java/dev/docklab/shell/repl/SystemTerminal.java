package dev.docklab.shell.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The learner's terminal, opened without what makes JLine's defaults slow to start: JLine loads every
 * terminal provider it has and checks each (the JNA one loads JNA, the exec one runs {@code test -t}),
 * then runs {@code infocmp}; here only the JNI provider is loaded, all of them only when it cannot be,
 * and the terminal's description is read from the terminfo database. The encoding is given: without
 * one, JLine asks four times for the Windows code page "ms0" and "cp0", each a search of every charset
 * provider on the class path, before it falls back to the JVM's default charset, which it is given here.
 */
public final class SystemTerminal {
  private SystemTerminal() {}

  /** The terminal docklab's standard streams are on. */
  public static Terminal open() throws IOException {
    Terminfo.register(System.getenv("TERM"));
    Charset encoding = Charset.defaultCharset();
    try {
      return TerminalBuilder.builder().system(true).name("docklab").encoding(encoding)
          .jni(true).ffm(false).jansi(false).jna(false).exec(false).dumb(false).build();
    } catch (IllegalStateException | IOException noJni) {
      // no JNI library for this machine: JLine's own choice, as without this class
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
