package dev.docklab.engine.storage;

import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives a container its root filesystem from its image's read-only layers plus one read-write layer.
 * {@code overlay2} does it with a union mount; {@code vfs} with a full copy, as a contrast.
 */
public interface StorageDriver {
  /** Which driver this is. */
  StorageDriverName kind();

  /** The driver's name as {@code docker info} shows it. */
  default String name() {
    return kind().dockerName();
  }

  /** True when the container's root is a union mount, its changes kept apart in a layer of their own. */
  default boolean unionMount() {
    return kind().unionMount();
  }

  /**
   * Refuses a container on an image of {@code imageLayers} layers when this driver cannot stack them
   * (overlay2's limit on lower dirs); other drivers take any depth.
   */
  default void checkDepth(int imageLayers) {}

  /**
   * Makes the container's root filesystem ready and returns where it is.
   *
   * @param container the container's files under the data root
   * @param layersTopFirst the image's layer directories, top-most first
   */
  RootFs mount(ContainerFiles container, List<Path> layersTopFirst);

  /**
   * Like {@link #mount(ContainerFiles, List)}, for the container whose directory is {@code containerDir}
   * ({@code DATA_ROOT/containers/ID}).
   */
  default RootFs mount(Path containerDir, List<Path> layersTopFirst) {
    return mount(Layout.containerFilesAt(containerDir), layersTopFirst);
  }

  /** Undoes {@link #mount}; the container's read-write layer stays. A root not mounted is fine. */
  void unmount(ContainerFiles container);

  /** Like {@link #unmount(ContainerFiles)}, for the container whose directory is {@code containerDir}. */
  default void unmount(Path containerDir) {
    unmount(Layout.containerFilesAt(containerDir));
  }

  /** The container's root filesystem: where it is, and how it was made, for explain modes. */
  record RootFs(Path merged, Path upper, Path work, List<Path> lowerTopFirst, String mountOptions) {}
}
