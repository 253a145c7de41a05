package dev.docklab.engine.api;

import java.time.Instant;

/**
 * A path in a container as {@code docker cp} looks at it (the Engine API's {@code ContainerPathStat}).
 *
 * @param name the path's base name, as asked for
 * @param size its size in bytes
 * @param mode its Unix mode: the file type bits ({@code 0170000}) and the permissions
 * @param mtime when it was last modified
 * @param linkTarget for a symlink, the container path it leads to (followed inside the container); else ""
 */
public record PathStat(String name, long size, int mode, Instant mtime, String linkTarget) {
  private static final int TYPE = 0170000;

  /** Whether it is a directory. */
  public boolean directory() {
    return (mode & TYPE) == 0040000;
  }

  /** Whether it is a symlink. */
  public boolean symlink() {
    return (mode & TYPE) == 0120000;
  }

  /** Whether it is a regular file. */
  public boolean regular() {
    return (mode & TYPE) == 0100000;
  }

  /** Whether it is a block or character device. */
  public boolean device() {
    return (mode & TYPE) == 0060000 || (mode & TYPE) == 0020000;
  }
}
