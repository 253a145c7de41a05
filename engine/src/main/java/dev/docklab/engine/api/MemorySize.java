package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes as {@code docker run -m} does: {@code 512m}, {@code 1g}, {@code 64MB}, {@code 1048576}. */
public final class MemorySize {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtTpP]?)[iI]?[bB]?");
  /** Docker refuses a memory limit below 6 MB. */
  public static final long MINIMUM_MEMORY = 6 * 1024 * 1024;

  private MemorySize() {}

  /** Bytes in {@code text}, with binary units (k = 1024) as Docker's RAMInBytes. */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw EngineException.invalid(EngineMessage.SIZE_INVALID, text);
    }
    double n = Double.parseDouble(m.group(1));
    int power = m.group(2).isEmpty() ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase()) + 1;
    return (long) (n * Math.pow(1024, power));
  }

  /** Parses a {@code --memory} value and applies Docker's minimum. */
  public static long parseMemoryLimit(String text) {
    long bytes = parse(text);
    if (bytes > 0 && bytes < MINIMUM_MEMORY) {
      throw EngineException.invalid("Minimum memory limit allowed is 6MB");
    }
    return bytes;
  }
}
