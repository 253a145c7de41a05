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
 */
public record MountReport(String container, boolean mounted, String options, List<Lower> lowers, Path upper, Path work,
    Path merged) {

  /**
   * One lower dir: the path, and which layer it is ({@link #INIT} for the container's own init layer, with no
   * step; the shell says what it holds).
   */
  public record Lower(Path dir, String layer, String createdBy) {}

  /** The {@code layer} of the container's init layer. */
  public static final String INIT = "init";
}
