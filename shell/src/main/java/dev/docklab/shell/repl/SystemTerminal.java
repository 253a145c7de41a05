package dev.docklab.shell.repl;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The learner's terminal, opened without what makes JLine's defaults slow to start: JLine loads every
 * terminal provider it has and checks each (the JNA one loads JNA, the exec one runs {@code test -t}),
 * then runs {@code infocmp}; here only the JNI provider is loaded, all of them only when it cannot be,
 * and the terminal's description is read from the terminfo database.
 */
public final class SystemTerminal {
  private SystemTerminal() {}

  /** The terminal docklab's standard streams are on. */
  public static Terminal open() throws IOException {
    Terminfo.register(System.getenv("TERM"));
    try {
      return TerminalBuilder.builder().system(true).name("docklab")
          .jni(true).ffm(false).jansi(false).jna(false).exec(false).dumb(false).build();
    } catch (IllegalStateException | IOException noJni) {
      // no JNI library for this machine: JLine's own choice, as without this class
      return TerminalBuilder.builder().system(true).name("docklab").build();
    }
  }
}
