package dev.docklab.engine.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wait after a stop signal, as a {@link EventStep#WAIT} event's detail carries it: how long the
 * engine waited, for which signal, PID 1's command, how PID 1 disposes of that signal (read from
 * {@code /proc/PID/status} before the signal), and whether it exited in time.
 *
 * @param waited how long the engine waited for the exit
 * @param signal the signal's name without {@code SIG} ({@code TERM})
 * @param command PID 1's command ({@code /proc/PID/comm}), or {@code ?} when unknown
 * @param handler how PID 1 disposes of the signal
 * @param exited whether it exited before the grace period ended
 */
public record SignalWait(Duration waited, String signal, String command, Handler handler, boolean exited) {
  private static final Pattern DETAIL = Pattern.compile(
      "waited (\\d+) ms for SIG(\\w+); PID 1: (\\S+); handler: (\\w+); (exited|no exit)");

  /** What PID 1 does with a signal: catches it, ignores it (SIG_IGN), has no handler, or unknown. */
  public enum Handler { CAUGHT, IGNORED, NONE, UNKNOWN }

  /** The detail line: {@code waited 10003 ms for SIGTERM; PID 1: sh; handler: none; no exit}. */
  public String detail() {
    return "waited " + waited.toMillis() + " ms for SIG" + signal + "; PID 1: " + command + "; handler: "
        + handler.name().toLowerCase(Locale.ROOT) + "; " + (exited ? "exited" : "no exit");
  }

  /** A detail written by {@link #detail()}; null for any other text. */
  public static SignalWait parse(String detail) {
    Matcher m = detail == null ? null : DETAIL.matcher(detail);
    if (m == null || !m.matches()) {
      return null;
    }
    return new SignalWait(Duration.ofMillis(Long.parseLong(m.group(1))), m.group(2), m.group(3),
        Handler.valueOf(m.group(4).toUpperCase(Locale.ROOT)), m.group(5).equals("exited"));
  }
}
