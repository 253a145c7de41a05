package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressViewTest {
  @Test
  void withoutATerminalEachStatusChangeIsOneLineAndBarsAreLeftOut() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressView v = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    v.line("latest: Pulling from library/busybox");
    v.layer("6988212e4ea9", "Pulling fs layer", 0, 0);
    v.layer("3ee4f860bfd1", "Already exists", 0, 0);
    v.layer("6988212e4ea9", "Downloading", 100, 2000);
    v.layer("6988212e4ea9", "Downloading", 900, 2000);
    v.layer("6988212e4ea9", "Download complete", 2000, 2000);
    v.layer("6988212e4ea9", "Pull complete", 0, 0);
    assertEquals("""
        latest: Pulling from library/busybox
        6988212e4ea9: Pulling fs layer
        3ee4f860bfd1: Already exists
        6988212e4ea9: Download complete
        6988212e4ea9: Pull complete
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalALayersLineIsRewrittenInPlaceWithDockersBar() {
    assertEquals("[=========================>                         ]  1.077MB/2.155MB",
        ProgressView.bar(1_077_500, 2_155_000));
    assertEquals("[==================================================>]  2.155MB/2.155MB",
        ProgressView.bar(2_155_000, 2_155_000));
    assertEquals("[>                                                  ]     512B/49.79MB", ProgressView.bar(512, 49_790_000));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressView v = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    v.layer("a", "Pulling fs layer", 0, 0);
    v.layer("b", "Pulling fs layer", 0, 0);
    v.layer("a", "Pull complete", 0, 0);
    assertEquals("a: Pulling fs layer\nb: Pulling fs layer\n\033[2A\r\033[2Ka: Pull complete\033[2B\r",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 80, 140})
  void onATerminalEachLineFitsItsWidthAndNoStaleLineStays(int columns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressView v = new ProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> columns);
    v.line("1.35: Pulling from library/busybox");
    v.layer("6988212e4ea9", "Pulling fs layer", 0, 0);
    v.layer("3ee4f860bfd1", "Pulling fs layer", 0, 0);
    for (long done = 0; done <= 2_155_000; done += 431_000) {
      v.layer("6988212e4ea9", "Downloading", done, 2_155_000);
      v.layer("3ee4f860bfd1", "Downloading", done / 2, 49_790_000);
    }
    v.layer("3ee4f860bfd1", "Extracting", 32_768, 49_790_000);
    v.layer("6988212e4ea9", "Pull complete", 0, 0);
    v.layer("3ee4f860bfd1", "Pull complete", 0, 0);
    List<String> screen = Screen.of(bytes.toString(StandardCharsets.UTF_8), columns);
    assertEquals(List.of("1.35: Pulling from library/busybox", "6988212e4ea9: Pull complete",
        "3ee4f860bfd1: Pull complete"), screen, "the screen at " + columns + " columns");
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 80, 140})
  void aBarShrinksToTheWidthAndGoesWhenThereIsNoRoom(int columns) {
    String line = ProgressView.fit("6988212e4ea9: Downloading", true, 1_077_500, 2_155_000, columns);
    assertTrue(Text.width(line) <= columns, line);
    assertTrue(line.endsWith("] 1.077MB/2.155MB") || line.endsWith("]  1.077MB/2.155MB"), line);
    assertTrue(line.contains("=>"), line);
    assertEquals(columns >= 96, line.contains("[" + "=".repeat(25) + ">" + " ".repeat(25) + "]"), line);
    assertEquals("6988212e4ea9: Downloading 1.077MB/2.155MB",
        ProgressView.fit("6988212e4ea9: Downloading", true, 1_077_500, 2_155_000, 45));
    assertEquals("6988212e4ea9: Mounted from library/busy…",
        ProgressView.fit("6988212e4ea9: Mounted from library/busybox", false, 0, 0, 40));
  }

  /** What a terminal {@code columns} wide shows after {@code output}: rows wrap, and the cursor moves as told. */
  private static final class Screen {
    static List<String> of(String output, int columns) {
      List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
      int row = 0;
      int col = 0;
      for (int i = 0; i < output.length(); i++) {
        char c = output.charAt(i);
        if (c == '\033') {
          int j = i + 2;
          while (Character.isDigit(output.charAt(j))) {
            j++;
          }
          int n = j > i + 2 ? Integer.parseInt(output.substring(i + 2, j)) : 1;
          switch (output.charAt(j)) {
            case 'A' -> row = Math.max(0, row - n);
            case 'B' -> row += n;
            case 'K' -> rows.get(row).setLength(0);
            default -> throw new AssertionError("escape " + output.substring(i, j + 1));
          }
          i = j;
        } else if (c == '\r') {
          col = 0;
        } else if (c == '\n') {
          row++;
          col = 0;
        } else {
          if (col == columns) { // the terminal wraps the line onto the next row
            row++;
            col = 0;
          }
          while (rows.size() <= row) {
            rows.add(new StringBuilder());
          }
          StringBuilder r = rows.get(row);
          while (r.length() < col) {
            r.append(' ');
          }
          if (col < r.length()) {
            r.setCharAt(col, c);
          } else {
            r.append(c);
          }
          col++;
        }
        while (rows.size() <= row) {
          rows.add(new StringBuilder());
        }
      }
      List<String> out = new ArrayList<>(rows.stream().map(r -> r.toString().stripTrailing()).toList());
      while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return out;
    }
  }
}
