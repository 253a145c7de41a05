package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptions read from the compiled terminfo database, checked against what {@code infocmp -x} says of each. */
class TerminfoTest {
  @TempDir
  Path dir;

  /** What JLine makes of a description: its booleans, numbers and strings. */
  private record Parsed(Set<Capability> bools, Map<Capability, Integer> ints, Map<Capability, String> strings) {
    static Parsed of(String text) {
      Parsed p = new Parsed(EnumSet.noneOf(Capability.class), new EnumMap<>(Capability.class),
          new EnumMap<>(Capability.class));
      InfoCmp.parseInfoCmp(text, p.bools, p.ints, p.strings);
      return p;
    }
  }

  private static String infocmp(String term) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("infocmp", "-x", term).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    assertEquals(0, p.waitFor(), text);
    // infocmp's first line is a comment naming the file; JLine skips the first line, the names
    return text.substring(text.indexOf('\n') + 1);
  }

  private static List<String> installedTerminals() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path d : List.of(Path.of("/lib/terminfo"), Path.of("/usr/share/terminfo"), Path.of("/etc/terminfo"))) {
      if (Files.isDirectory(d)) {
        try (Stream<Path> files = Files.walk(d)) {
          files.filter(f -> Files.isRegularFile(f) && !f.getParent().equals(d)).map(f -> f.getFileName().toString()).forEach(names::add);
        }
      }
    }
    return names;
  }

  @Test
  void everyInstalledTerminalReadsAsInfocmpDescribesIt() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/infocmp")), "infocmp (ncurses-bin) is installed");
    List<String> terms = installedTerminals();
    assertTrue(terms.contains("tmux-256color") && terms.contains("xterm-256color"), terms.toString());
    List<String> differences = new ArrayList<>();
    for (String term : terms) {
      String ours = Terminfo.describe(term, Terminfo.searchPath(Map.of()))
          .orElseThrow(() -> new AssertionError("no description of " + term));
      Parsed expected;
      try {
        expected = Parsed.of(infocmp(term));
      } catch (NumberFormatException e) {
        // JLine cannot read what infocmp says of this one (a '#' in a string): nor can it read ours
        assertThrows(NumberFormatException.class, () -> Parsed.of(ours), term);
        continue;
      }
      Parsed got = Parsed.of(ours);
      if (!expected.bools().equals(got.bools())) {
        differences.add(term + " booleans: infocmp " + expected.bools() + ", ours " + got.bools());
      }
      if (!expected.ints().equals(got.ints())) {
        differences.add(term + " numbers: infocmp " + expected.ints() + ", ours " + got.ints());
      }
      for (Capability c : Capability.values()) {
        if (!Objects.equals(expected.strings().get(c), got.strings().get(c))) {
          differences.add(term + " " + c + ": infocmp " + expected.strings().get(c) + ", ours " + got.strings().get(c));
        }
      }
    }
    assertEquals(List.of(), differences);
  }

  @Test
  void capabilitiesAreWhatJLineMakesOfTheText() throws Exception {
    List<String> terms = installedTerminals();
    int compared = 0;
    for (String term : terms) {
      String text = Terminfo.describe(term, Terminfo.searchPath(Map.of())).orElseThrow();
      Parsed expected;
      try {
        expected = Parsed.of(text);
      } catch (NumberFormatException e) {
        continue; // JLine cannot read the text of this one (a '#' in a string); read directly it has its strings
      }
      Terminfo.Capabilities got = Terminfo.capabilities(term, Terminfo.searchPath(Map.of())).orElseThrow();
      assertEquals(expected.bools(), got.bools(), term);
      assertEquals(expected.ints(), got.ints(), term);
      assertEquals(expected.strings().keySet(), got.strings().keySet(), term);
      for (Capability c : got.strings().keySet()) {
        String value = got.strings().get(c);
        if (value.contains("\\,")) {
          // JLine's pattern ends a value at its first escaped comma; read directly, it is whole
          assertTrue(value.startsWith(expected.strings().get(c)), term + " " + c + ": " + value);
        } else {
          assertEquals(expected.strings().get(c), value, term + " " + c);
        }
      }
      compared++;
    }
    assertTrue(compared * 10 >= terms.size() * 9, "compared " + compared + " of " + terms.size());
    Terminfo.Capabilities tmux = Terminfo.capabilities("tmux-256color", Terminfo.searchPath(Map.of())).orElseThrow();
    assertEquals("\\E[%i%p1%d;%p2%dH", tmux.strings().get(Capability.cursor_address));
    assertEquals(256, tmux.ints().get(Capability.max_colors));
    assertTrue(Terminfo.capabilities("no-such-terminal", Terminfo.searchPath(Map.of())).isEmpty());
  }

  @Test
  void tmuxIsDescribedToJLineWithoutInfocmp() {
    assertEquals(null, InfoCmp.getLoadedInfoCmp("tmux-256color"), "JLine would run infocmp for it");
    Terminfo.register("tmux-256color");
    String caps = InfoCmp.getLoadedInfoCmp("tmux-256color");
    assertNotNull(caps);
    Parsed p = Parsed.of(caps);
    assertEquals("\\E[%i%p1%d;%p2%dH", p.strings().get(Capability.cursor_address));
    assertEquals(8, p.ints().get(Capability.init_tabs));
  }

  @Test
  void aTerminalTheDatabaseLacksIsLeftToInfocmp() {
    assertTrue(Terminfo.describe("no-such-terminal", Terminfo.searchPath(Map.of())).isEmpty());
    assertTrue(Terminfo.describe("../etc/passwd", Terminfo.searchPath(Map.of())).isEmpty());
  }

  @Test
  void terminfoInTheEnvironmentComesFirst() throws Exception {
    Path mine = dir.resolve("t").resolve("tmux-256color");
    Files.createDirectories(mine.getParent());
    Files.copy(Path.of("/lib/terminfo/t/tmux-256color"), mine);
    List<Path> path = Terminfo.searchPath(Map.of("TERMINFO", dir.toString(), "HOME", "/nonexistent"));
    assertEquals(dir, path.get(0));
    assertEquals(Path.of("/nonexistent/.terminfo"), path.get(1));
    assertFalse(Terminfo.describe("tmux-256color", path).isEmpty());
  }

  @Test
  void aDamagedEntryIsNotADescription() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> Terminfo.text(new byte[] {0x1a, 0x01, 5, 0}));
    assertThrows(IllegalArgumentException.class, () -> Terminfo.text("plain text".getBytes(StandardCharsets.US_ASCII)));
  }
}
