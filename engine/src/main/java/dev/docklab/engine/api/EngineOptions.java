package dev.docklab.engine.api;

import java.nio.file.Path;

/**
 * How to open an engine.
 *
 * @param dataRoot where images, layers and containers live (default {@code /var/lib/docklab})
 * @param storageDriver {@code overlay2} (default) or {@code vfs}
 * @param runtime {@code runc}, {@code crun}, or null to probe the host
 * @param busybox the host's static busybox, from which the base image is built
 */
public record EngineOptions(Path dataRoot, String storageDriver, String runtime, Path busybox) {
  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/docklab");
  /** Debian's busybox-static installs it here. */
  public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");

  public static EngineOptions defaults() {
    return at(DEFAULT_DATA_ROOT);
  }

  public static EngineOptions at(Path dataRoot) {
    return new EngineOptions(dataRoot, "overlay2", null, DEFAULT_BUSYBOX);
  }

  public EngineOptions withStorageDriver(String driver) {
    return new EngineOptions(dataRoot, driver, runtime, busybox);
  }
}
