package dev.docklab.engine.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** The pieces of the short summaries records print as (in JShell): sizes, commands, states. */
final class Summaries {
  /** A command longer than this is cut, as {@code docker ps} cuts it. */
  static final int COMMAND_WIDTH = 40;

  private Summaries() {}

  /** Bytes in Docker's units (powers of 1000, three significant digits): {@code 1.98MB}. */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString() + units[u];
  }

  /** The command in quotes, cut with an ellipsis past {@link #COMMAND_WIDTH} characters. */
  static String command(List<String> command) {
    String joined = String.join(" ", command.stream().map(String::valueOf).toList());
    if (joined.length() > COMMAND_WIDTH) {
      joined = joined.substring(0, COMMAND_WIDTH - 1) + "…";
    }
    return "\"" + joined + "\"";
  }

  /** {@code created}, {@code running}, {@code exited (0)}...: the status, and the exit code once it ended. */
  static String status(Container.State state) {
    if (state == null || state.status() == null) {
      return "unknown";
    }
    return state.status() == ContainerStatus.EXITED || state.status() == ContainerStatus.DEAD
        ? state.status().dockerName() + " (" + state.exitCode() + ")" : state.status().dockerName();
  }
}
