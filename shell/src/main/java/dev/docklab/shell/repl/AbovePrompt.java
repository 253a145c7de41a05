package dev.docklab.shell.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;

/**
 * Lines written while the learner may be typing (the engine's start, behind the prompt) go above the
 * prompt through JLine, which redraws the line being typed below them instead of breaking it.
 */
final class AbovePrompt extends OutputStream {
  private final LineReader reader;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private AbovePrompt(LineReader reader) {
    this.reader = reader;
  }

  /** A stream whose every line is printed above {@code reader}'s prompt. */
  static PrintStream of(LineReader reader) {
    return new PrintStream(new AbovePrompt(reader), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      reader.printAbove(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // a line goes above the prompt whole, when it ends
  }
}
