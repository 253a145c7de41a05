package dev.docklab.shell.render;

import dev.docklab.engine.api.Progress;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's pull and push progress: one line per layer ({@code 6988212e4ea9: Pull complete}). On a
 * terminal each layer's line is rewritten in place with a bar ({@code Downloading [=====>   ]
 * 1.2MB/2.1MB}); otherwise a line is printed whenever a layer's status changes, without bars, as the
 * docker CLI does when its output is not a terminal.
 */
public final class ProgressView implements Progress {
  private static final int BAR = 50;
  private final PrintStream out;
  private final boolean terminal;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, String> lastStatus = new HashMap<>();

  public ProgressView(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
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
    String text = id + ": " + status + (counting && total > 0 ? " " + bar(current, total) : "");
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

  /** {@code [=========>                    ]  1.077MB/2.155MB}, as Docker's jsonmessage draws it. */
  static String bar(long current, long total) {
    int pct = (int) Math.min(50, (int) (current * 100.0 / Math.max(1, total)) / 2);
    return "[" + "=".repeat(pct) + ">" + " ".repeat(50 - pct) + "] " + String.format("%8s", size(current)) + "/"
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
