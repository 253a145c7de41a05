package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class DocklabHighlighterTest {
  private final DocklabHighlighter h = new DocklabHighlighter(new Builtins(new DockerCli(), (args, s) -> 0));

  private static long fg(AttributedString s, int index) {
    return s.styleAt(index).getStyle();
  }

  @Test
  void knownCommandsAreGreenAndUnknownRed() {
    AttributedString ok = h.highlight(null, "docker ps -a");
    AttributedString bad = h.highlight(null, "docker frob");
    AttributedString typo = h.highlight(null, "dokcer ps");
    assertEquals(fg(ok, 0), fg(ok, 7), "docker and ps share the known style");
    assertNotEquals(fg(ok, 7), fg(bad, 7), "an unknown subcommand is marked");
    assertEquals(fg(bad, 7), fg(typo, 0), "an unknown command is marked the same way");
    assertEquals("docker ps -a", ok.toString());
  }

  @Test
  void hostProgramsAndBareSubcommandsAreKnown() {
    AttributedString ls = h.highlight(null, "ls -l");
    AttributedString ps = h.highlight(null, "ps");
    AttributedString docker = h.highlight(null, "docker");
    assertEquals(fg(docker, 0), fg(ls, 0));
    assertEquals(fg(docker, 0), fg(ps, 0));
    assertNotEquals(AttributedStyle.DEFAULT.getStyle(), fg(docker, 0));
  }

  @Test
  void everyBuiltinOfTheListIsKnown() {
    AttributedString docker = h.highlight(null, "docker");
    for (String w : new String[] {"explain", "quit", "?", "cd", "pwd", "lang"}) {
      assertEquals(fg(docker, 0), fg(h.highlight(null, w + " x"), 0), w);
    }
  }
}
