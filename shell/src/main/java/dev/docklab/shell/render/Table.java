package dev.docklab.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's table layout (Go's tabwriter as the docker CLI sets it up, {@code NewWriter(out, 10, 1, 3,
 * ' ', 0)}): each column as wide as its widest cell plus three spaces, at least ten, the last column
 * unpadded; and the same within a terminal's width, the last column wrapped at word boundaries.
 */
public final class Table {
  private static final int PADDING = 3;
  private static final int MIN_WIDTH = 10;
  /** The space between columns when the table has to fit a terminal's width. */
  private static final int NARROW_PADDING = 2;
  /** The least room the last column wraps in; with less, it goes under its row. */
  private static final int MIN_LAST = 20;
  private static final String UNDER = "    ";

  private Table() {}

  /** Lays out {@code header} and {@code rows} into lines. */
  public static List<String> render(List<String> header, List<List<String>> rows) {
    List<List<String>> all = all(header, rows);
    int[] width = widths(all);
    List<String> lines = new ArrayList<>();
    for (List<String> r : all) {
      lines.add((padded(r, width, r.size() - 1, PADDING, MIN_WIDTH) + r.get(r.size() - 1)).stripTrailing());
    }
    return lines;
  }

  /**
   * Lays out {@code header} and {@code rows} within {@code width} columns: as {@link #render(List,
   * List)} when that fits; else with two spaces between columns and the last column's text wrapped at
   * word boundaries (by display width) in the room the others leave; when that room is under twenty
   * columns, each row's last cell goes on the lines under the row, indented by four.
   */
  public static List<String> render(List<String> header, List<List<String>> rows, int width) {
    List<List<String>> all = all(header, rows);
    int[] widths = widths(all);
    int last = header.size() - 1;
    int docker = 0;
    int offset = 0;
    for (int c = 0; c < last; c++) {
      docker += Math.max(MIN_WIDTH, widths[c] + PADDING);
      offset += widths[c] + NARROW_PADDING;
    }
    if (docker + widths[last] <= width) {
      return render(header, rows);
    }
    int room = width - offset;
    List<String> lines = new ArrayList<>();
    if (room >= MIN_LAST || last == 0) {
      for (List<String> r : all) {
        List<String> parts = Wrap.lines(r.get(last), "", room);
        lines.add((padded(r, widths, last, NARROW_PADDING, 0) + parts.get(0)).stripTrailing());
        for (String part : parts.subList(1, parts.size())) {
          lines.add(" ".repeat(offset) + part);
        }
      }
      return lines;
    }
    lines.add(padded(all.get(0), widths, last, NARROW_PADDING, 0).stripTrailing());
    for (int i = 1; i < all.size(); i++) {
      lines.add(padded(all.get(i), widths, last, NARROW_PADDING, 0).stripTrailing());
      lines.addAll(Wrap.lines(all.get(i).get(last), UNDER, width));
    }
    return lines;
  }

  private static List<List<String>> all(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static int[] widths(List<List<String>> all) {
    int cols = all.get(0).size();
    int[] width = new int[cols];
    for (List<String> r : all) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], Text.width(r.get(c)));
      }
    }
    return width;
  }

  /** The row's first {@code upto} cells, each padded to its column's width plus {@code padding}, at least {@code min}. */
  private static String padded(List<String> r, int[] width, int upto, int padding, int min) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < upto; c++) {
      String cell = r.get(c);
      b.append(cell).append(" ".repeat(Math.max(min, width[c] + padding) - Text.width(cell)));
    }
    return b.toString();
  }
}
