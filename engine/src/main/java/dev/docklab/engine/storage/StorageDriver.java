package dev.docklab.engine.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * Gives a container its root filesystem from its image's read-only layers plus one read-write layer.
 * {@code overlay2} does it with a union mount; {@code vfs} with a full copy, as a contrast.
 */
public interface StorageDriver {
  /** The driver's name as {@code docker info} shows it. */
  String name();

  /**
   * Makes the container's root filesystem ready and returns where it is.
   *
   * @param containerDir the container's own directory under the data root
   * @param layersTopFirst the image's layer directories, top-most first
   */
  RootFs mount(Path containerDir, List<Path> layersTopFirst);

  /** Undoes {@link #mount}; the container's read-write layer stays. A root not mounted is fine. */
  void unmount(Path containerDir);

  /** The container's root filesystem: where it is, and how it was made, for explain modes. */
  record RootFs(Path merged, Path upper, Path work, List<Path> lowerTopFirst, String mountOptions) {}
}
