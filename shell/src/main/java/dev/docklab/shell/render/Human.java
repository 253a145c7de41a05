package dev.docklab.shell.render;

import dev.docklab.engine.api.HumanDuration;
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
    return HumanDuration.of(d);
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
