package dev.docklab.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Keeps the data root out of other users' reach, as Docker keeps /var/lib/docker since CVE-2021-41091:
 * the root is 0710 root:root, and so are its directories and each container's, so that a setuid file a
 * container makes (or an image ships) cannot be run by a local user through its path on the host.
 * Containers do not need these paths: the runtime mounts their files as root, and a container's
 * processes see them through its own mount namespace.
 */
public final class PrivateDirs {
  /** {@code rwx--x---}: root only; its group may pass through, as Docker's (for a remapped root). */
  public static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rwx--x---");

  private PrivateDirs() {}

  /**
   * Makes the data root private when the engine opens: creates it and its containers, layers and volumes
   * directories if need be, and closes what an older docklab left open (the root, its directories, each
   * container's directory), giving the root to root:root.
   */
  public static void secure(Layout layout) throws IOException {
    Path root = layout.root();
    Files.createDirectories(root);
    if ((int) Files.getAttribute(root, "unix:uid") != 0) {
      Files.setAttribute(root, "unix:uid", 0);
    }
    if ((int) Files.getAttribute(root, "unix:gid") != 0) {
      Files.setAttribute(root, "unix:gid", 0);
    }
    restrict(root);
    for (Path dir : List.of(layout.containers(), layout.layers(), layout.volumes())) {
      Files.createDirectories(dir);
    }
    restrictEach(root);
    restrictEach(layout.containers());
  }

  /** Creates {@code dir} (its parent exists) closed to other users, or closes it if it exists. */
  public static Path create(Path dir) throws IOException {
    Files.createDirectories(dir);
    restrict(dir);
    return dir;
  }

  /** Closes every directory in {@code dir} (not following links). */
  private static void restrictEach(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          restrict(p);
        }
      }
    }
  }

  private static void restrict(Path dir) throws IOException {
    if (!Files.getPosixFilePermissions(dir).equals(MODE)) {
      Files.setPosixFilePermissions(dir, MODE);
    }
  }
}
