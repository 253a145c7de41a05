package dev.docklab.shell.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Durations and sizes the way the docker CLI prints them (go-units). */
public final class Human {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Human() {}

  /** go-units HumanDuration: "Less than a second", "5 seconds", "About a minute", "3 weeks". */
  public static String duration(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.getSeconds() / 3600.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }

  /** go-units HumanSizeWithPrecision(size, 3): "4.26MB", "512kB", "0B" (decimal units). */
  public static String size(long bytes) {
    return scaled(bytes, 1000.0, DECIMAL, 3);
  }

  /** go-units HumanSize: four significant digits, "16.43MB" (decimal units), as docker system df prints sizes. */
  public static String diskSize(long bytes) {
    return scaled(bytes, 1000.0, DECIMAL, 4);
  }

  /** go-units BytesSize: "23.46GiB" (binary units), as docker info prints memory. */
  public static String binarySize(long bytes) {
    double size = bytes;
    int i = 0;
    while (size >= 1024 && i < BINARY.length - 1) {
      size /= 1024;
      i++;
    }
    return BigDecimal.valueOf(size).setScale(4, RoundingMode.HALF_EVEN).round(new MathContext(4))
        .stripTrailingZeros().toPlainString() + BINARY[i];
  }

  private static String scaled(long bytes, double base, String[] units, int digits) {
    double size = bytes;
    int i = 0;
    while (size >= base && i < units.length - 1) {
      size /= base;
      i++;
    }
    return new BigDecimal(size).round(new MathContext(digits)).stripTrailingZeros().toPlainString() + units[i];
  }
}
