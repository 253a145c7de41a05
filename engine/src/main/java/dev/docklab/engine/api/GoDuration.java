package dev.docklab.engine.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Go writes and reads them ({@code 1m30s}, {@code 500ms}): docker's duration flags and messages. */
public final class GoDuration {
  private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([^0-9.]*)");

  private GoDuration() {}

  /**
   * Go's {@code time.ParseDuration}; a bad one is an {@link IllegalArgumentException} with Go's message
   * ({@code time: invalid duration "x"}).
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.startsWith("-");
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    Matcher m = PART.matcher(s);
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
        throw invalid(text);
      }
      String unit = m.group(2);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      Long nanos = UNITS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanos)));
      at = m.end();
    }
    long n = total.longValue();
    return Duration.ofNanos(negative ? -n : n);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }

  /** Go's {@code Duration.String()}: {@code 30s}, {@code 1m0s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    String sign = n < 0 ? "-" : "";
    n = Math.abs(n);
    if (n < 1_000_000_000L) {
      if (n < 1_000L) {
        return sign + n + "ns";
      }
      if (n < 1_000_000L) {
        return sign + fraction(n, 1_000L) + "µs";
      }
      return sign + fraction(n, 1_000_000L) + "ms";
    }
    long hours = n / 3_600_000_000_000L;
    long minutes = n / 60_000_000_000L % 60;
    String seconds = fraction(n % 60_000_000_000L, 1_000_000_000L) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
  }

  private static String fraction(long n, long unit) {
    BigDecimal v = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }
}
