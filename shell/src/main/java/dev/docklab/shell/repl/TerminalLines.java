package dev.docklab.shell.repl;

import dev.docklab.shell.interp.Interpreter;
import dev.docklab.shell.line.IncompleteLineException;
import dev.docklab.shell.line.LineParser;
import java.nio.file.Path;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * Lines from a real terminal through JLine: a prompt, line editing, persistent history, completion,
 * and a continuation prompt while a quote or {@code $(} is open or the line ends with {@code \}.
 */
public final class TerminalLines implements LineSource {
  private final LineReader reader;
  private final String prompt;

  public TerminalLines(Terminal terminal, Path historyFile, Completer completer,
      Highlighter highlighter, String prompt) {
    this.prompt = prompt;
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("docklab")
        .parser(new ContinuationParser())
        .completer(completer)
        .highlighter(highlighter)
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  public LineReader reader() {
    return reader;
  }

  @Override
  public String readLine(String placed) throws Interrupted {
    try {
      return reader.readLine(prompt, null, (Character) null, placed);
    } catch (UserInterruptException e) {
      throw new Interrupted();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  /** JLine's word splitting for completion, plus "incomplete" when our line language says so. */
  static final class ContinuationParser extends DefaultParser {
    ContinuationParser() {
      escapeChars(new char[] {'\\'});
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE) {
        if (Interpreter.compound(line)) {
          if (Interpreter.compoundIncomplete(line)) {
            throw new EOFError(-1, cursor, "incomplete compound command", "done");
          }
        } else {
          try {
            LineParser.parse(line);
          } catch (IncompleteLineException e) {
            throw new EOFError(-1, cursor, "incomplete line", e.getMessage());
          } catch (RuntimeException e) {
            // a syntax error: accept the line and let the shell report it
          }
        }
      }
      try {
        return super.parse(line, cursor, ParseContext.COMPLETE);
      } catch (EOFError e) {
        return super.parse(line.replace("\"", " ").replace("'", " "), cursor, ParseContext.COMPLETE);
      }
    }
  }
}
