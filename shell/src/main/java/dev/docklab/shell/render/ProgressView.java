package dev.docklab.shell.render;

import dev.docklab.engine.api.Progress;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Docker's pull and push progress: one line per layer ({@code 6988212e4ea9: Pull complete}). On a
 * terminal each layer's line is rewritten in place with a bar ({@code Downloading [=====>   ]
 * 1.2MB/2.1MB}); otherwise a line is printed whenever a layer's status changes, without bars, as the
 * docker CLI does when its output is not a terminal. On a terminal every line fits its width (the bar
 * shrinks, then goes, then the line is cut), so that a line is one row and is rewritten whole.
 */
public final class ProgressView implements Progress {
  private static final int BAR = 50;
  private final PrintStream out;
  private final boolean terminal;
  private final IntSupplier width;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, String> lastStatus = new HashMap<>();

  public ProgressView(PrintStream out, boolean terminal) {
    this(out, terminal, () -> 80);
  }

  /** Progress on {@code out}, whose terminal (when it is one) is {@code width} columns wide now. */
  public ProgressView(PrintStream out, boolean terminal, IntSupplier width) {
    this.out = out;
    this.terminal = terminal;
    this.width = width;
  }

  @Override
  public synchronized void line(String text) {
    out.println(text);
    ids.clear(); // layer lines after this one are counted from here
  }

  @Override
  public synchronized void layer(String id, String status, long current, long total) {
    boolean counting = status.equals("Downloading") || status.equals("Pushing") || status.equals("Extracting");
    if (!terminal) {
      if (counting || status.equals(lastStatus.get(id))) {
        lastStatus.put(id, status);
        return;
      }
      lastStatus.put(id, status);
      out.println(id + ": " + status);
      return;
    }
    String text = fit(id + ": " + status, counting && total > 0, current, total, width.getAsInt());
    int index = ids.indexOf(id);
    if (index < 0) {
      ids.add(id);
      out.println(text);
    } else {
      int up = ids.size() - index;
      out.print("\033[" + up + "A\r\033[2K" + text + "\033[" + up + "B\r");
    }
    out.flush();
  }

  /**
   * A layer's line within {@code columns}: with Docker's 50-column bar when it fits, else a shorter bar
   * (of at least 10), else the numbers alone; cut with an ellipsis when even the status is too wide.
   */
  static String fit(String head, boolean counting, long current, long total, int columns) {
    if (counting) {
      String numbers = String.format("%8s", size(current)) + "/" + size(total);
      int room = columns - Text.width(head) - Text.width(numbers) - 5; // " [", ">", "] "
      if (room >= 10) {
        return head + " " + bar(current, total, Math.min(BAR, room));
      }
      if (Text.width(head) + 1 + Text.width(numbers.strip()) <= columns) {
        return head + " " + numbers.strip();
      }
    }
    return Text.ellipsis(head, columns);
  }

  /** {@code [=========>                    ]  1.077MB/2.155MB}, as Docker's jsonmessage draws it. */
  static String bar(long current, long total) {
    return bar(current, total, BAR);
  }

  /** The bar with {@code n} steps (Docker's has 50), its arrow after them: {@code n + 3} columns and the numbers. */
  static String bar(long current, long total, int n) {
    int done = n == BAR ? (int) Math.min(BAR, (int) (current * 100.0 / Math.max(1, total)) / 2)
        : (int) Math.min(n, (long) (current * (double) n / Math.max(1, total)));
    return "[" + "=".repeat(done) + ">" + " ".repeat(n - done) + "] " + String.format("%8s", size(current)) + "/"
        + size(total);
  }

  /** go-units HumanSize: four significant digits, decimal units ({@code 2.155MB}). */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int i = 0;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    String g = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    return g + units[i];
  }
}
