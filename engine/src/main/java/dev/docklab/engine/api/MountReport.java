package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A container's union mount as the kernel has it: the facts behind {@code explain mount}.
 *
 * @param container the container's name
 * @param mounted whether its root is mounted now (it is while the container runs)
 * @param options the overlay mount options (from the mount table when mounted, else what they would be)
 * @param lowers the read-only layers, top first, each mapped back to its image layer
 * @param upper the read-write layer (the container layer)
 * @param work overlayfs's work dir
 * @param merged the union the container sees as /
 * @param copy under the vfs driver, the full copy that is its root instead of a union mount; else null
 */
public record MountReport(String container, boolean mounted, String options, List<Lower> lowers, Path upper, Path work,
    Path merged, Copy copy) {

  /** A union mount. */
  public MountReport(String container, boolean mounted, String options, List<Lower> lowers, Path upper, Path work,
      Path merged) {
    this(container, mounted, options, lowers, upper, work, merged, null);
  }

  /**
   * Under vfs: the container's root, a full copy of its image's layers.
   *
   * @param rootfs the copy, the container's /
   * @param bytes the bytes of the files in the copy now (0 before its first start makes it)
   * @param layerBytes the bytes of the image's layers, which overlay2 would share read-only instead of copying
   */
  public record Copy(Path rootfs, long bytes, long layerBytes) {}

  /**
   * One lower dir: the path, and which layer it is ({@link #INIT} for the container's own init layer, with no
   * step; the shell says what it holds).
   */
  public record Lower(Path dir, String layer, String createdBy) {}

  /** The {@code layer} of the container's init layer. */
  public static final String INIT = "init";
}
