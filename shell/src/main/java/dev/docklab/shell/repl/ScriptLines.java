package dev.docklab.shell.repl;

import dev.docklab.shell.interp.Interpreter;
import dev.docklab.shell.line.IncompleteLineException;
import dev.docklab.shell.line.LineParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Lines from a reader, with a line that ends inside quotes or after {@code \} joined to the next. */
public final class ScriptLines implements LineSource {
  private final BufferedReader reader;

  public ScriptLines(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public String readLine(String placed) {
    try {
      String line = reader.readLine();
      if (line == null) {
        return null;
      }
      StringBuilder b = new StringBuilder(line);
      while (incomplete(b.toString())) {
        String more = reader.readLine();
        if (more == null) {
          break; // the shell reports the incomplete line
        }
        b.append('\n').append(more);
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean incomplete(String text) {
    if (Interpreter.compound(text)) {
      return Interpreter.compoundIncomplete(text);
    }
    try {
      LineParser.parse(text);
      return false;
    } catch (IncompleteLineException e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
