package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How to open an engine.
 *
 * @param dataRoot where images, layers and containers live (default {@code /var/lib/docklab})
 * @param storageDriver {@code overlay2} (default) or {@code vfs}
 * @param runtime {@code runc}, {@code crun}, or null to probe the host
 * @param busybox the host's static busybox, from which the base image is built
 * @param exitCommand what a container's monitor runs when a container with a restart policy exits, so
 *     that the policy acts while no engine is open (the data root, driver, runtime and the container's
 *     id are appended); empty for none
 * @param socket the socket on which another docklab serves this data root's engine, to be its client
 *     ({@link EngineProvider#accepts}); null to open the engine in this process
 */
public record EngineOptions(Path dataRoot, String storageDriver, String runtime, Path busybox,
    List<String> exitCommand, Path socket) {
  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/docklab");
  /** Debian's busybox-static installs it here. */
  public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");

  public EngineOptions {
    exitCommand = exitCommand == null ? List.of() : List.copyOf(exitCommand);
  }

  /** Options for an engine in this process with no exit command. */
  public EngineOptions(Path dataRoot, String storageDriver, String runtime, Path busybox) {
    this(dataRoot, storageDriver, runtime, busybox, List.of(), null);
  }

  /** Options for an engine in this process. */
  public EngineOptions(Path dataRoot, String storageDriver, String runtime, Path busybox, List<String> exitCommand) {
    this(dataRoot, storageDriver, runtime, busybox, exitCommand, null);
  }

  public static EngineOptions defaults() {
    return at(DEFAULT_DATA_ROOT);
  }

  public static EngineOptions at(Path dataRoot) {
    return new EngineOptions(dataRoot, "overlay2", null, DEFAULT_BUSYBOX);
  }

  public EngineOptions withStorageDriver(String driver) {
    return new EngineOptions(dataRoot, driver, runtime, busybox, exitCommand, socket);
  }

  public EngineOptions withRuntime(String newRuntime) {
    return new EngineOptions(dataRoot, storageDriver, newRuntime, busybox, exitCommand, socket);
  }

  public EngineOptions withExitCommand(List<String> command) {
    return new EngineOptions(dataRoot, storageDriver, runtime, busybox, command, socket);
  }

  /** The same data root's engine as served on {@code served} by another docklab, to be its client. */
  public EngineOptions withSocket(Path served) {
    return new EngineOptions(dataRoot, storageDriver, runtime, busybox, exitCommand, served);
  }
}
