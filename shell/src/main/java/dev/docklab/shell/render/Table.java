package dev.docklab.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's table layout (Go's tabwriter as the docker CLI sets it up, {@code NewWriter(out, 10, 1, 3,
 * ' ', 0)}): each column as wide as its widest cell plus three spaces, at least ten, the last column
 * unpadded.
 */
public final class Table {
  private static final int PADDING = 3;
  private static final int MIN_WIDTH = 10;

  private Table() {}

  /** Lays out {@code header} and {@code rows} into lines. */
  public static List<String> render(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int cols = header.size();
    int[] width = new int[cols];
    for (List<String> r : all) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], Text.width(r.get(c)));
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> r : all) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String cell = r.get(c);
        b.append(cell);
        if (c < cols - 1) {
          b.append(" ".repeat(Math.max(MIN_WIDTH, width[c] + PADDING) - Text.width(cell)));
        }
      }
      lines.add(b.toString().stripTrailing());
    }
    return lines;
  }
}
