package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.DefaultHighlighter;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines read through JLine on a dumb terminal over piped streams (typed as "ansi", so keys edit). */
class TerminalLinesTest {
  @TempDir
  Path dir;

  private String[] read(String keys, String... placed) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal t = new DumbTerminal("test", "ansi", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
        screen, StandardCharsets.UTF_8)) {
      TerminalLines lines = new TerminalLines(t, dir.resolve("history"), NullCompleter.INSTANCE,
          new DefaultHighlighter(), "docklab> ");
      String[] got = new String[placed.length];
      for (int i = 0; i < placed.length; i++) {
        got[i] = lines.readLine(placed[i]);
      }
      return got;
    }
  }

  @Test
  void aPlacedLineIsOnTheInputLineToRunAsItIs() throws Exception {
    assertEquals("docker run -d -P --name web2 web", read("\n", "docker run -d -P --name web2 web")[0]);
  }

  @Test
  void aPlacedLineCanBeEditedBeforeItRuns() throws Exception {
    // the cursor is at the end of the placed line: Backspace four times, and a name of one's own
    assertEquals("docker port mine", read("\u007f".repeat(4) + "mine\n", "docker port web2")[0]);
    // or Ctrl-A to its start, Ctrl-F past "docker ", Ctrl-D over "port": another command on the same container
    String keys = "\u0001" + "\u0006".repeat(7) + "\u0004".repeat(4) + "inspect\n";
    assertEquals("docker inspect web2", read(keys, "docker port web2")[0]);
  }

  @Test
  void nothingPlacedIsAnEmptyLineAndAPlacedLineComesOnlyOnce() throws Exception {
    String[] got = read("docker ps\n\n", null, "docker ps -a");
    assertEquals("docker ps", got[0]);
    assertEquals("docker ps -a", got[1]);
  }
}
