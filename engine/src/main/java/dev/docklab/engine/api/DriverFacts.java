package dev.docklab.engine.api;

import java.time.Duration;
import java.util.List;

/**
 * The facts behind {@code explain drivers}: the storage driver in use, which union or snapshot
 * filesystems this host's kernel offers, and, when asked, one image's root made both ways here.
 *
 * @param driver the engine's storage driver ({@code overlay2} or {@code vfs})
 * @param kernelHas what the kernel offers of {@code overlay}, {@code aufs}, {@code btrfs}, {@code device-mapper}
 * @param measured the measurement, or null when none was asked for
 */
public record DriverFacts(String driver, List<String> kernelHas, Measured measured) {
  /**
   * One image's container root made by overlay2 and by vfs on this engine, then removed.
   *
   * @param image the image as named
   * @param layers how many layers it has
   * @param imageBytes the size of its layers
   * @param overlayBytes what overlay2 wrote for the container (its empty upper and work dirs)
   * @param overlayTook how long the union mount took
   * @param vfsBytes what vfs wrote for the container (a full copy of every layer)
   * @param vfsTook how long the copy took
   */
  public record Measured(String image, int layers, long imageBytes, long overlayBytes, Duration overlayTook,
      long vfsBytes, Duration vfsTook) {}
}
