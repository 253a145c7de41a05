package dev.docklab.engine.layer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What one unpack into an empty directory has made there, so that it need not ask the file system
 * about a path it never made (nothing else writes into a layer being unpacked): every path it created
 * (more, never fewer, than exist) and the directories it made or checked (fewer, never more: a
 * directory leaves this set as soon as anything at or above it is deleted). An unpack into a directory
 * that held something knows nothing and asks every time.
 */
final class KnownPaths {
  private final boolean fresh;
  private final Set<Path> made = new HashSet<>();
  private final Set<Path> dirs = new HashSet<>();

  private KnownPaths(boolean fresh) {
    this.fresh = fresh;
  }

  /** For a target that was empty when the unpack began. */
  static KnownPaths empty() {
    return new KnownPaths(true);
  }

  /** For a target that held something: every question goes to the file system. */
  static KnownPaths unknown() {
    return new KnownPaths(false);
  }

  /** Whether {@code path} surely does not exist (this unpack never made it). */
  boolean absent(Path path) {
    return fresh && !made.contains(path);
  }

  /** Whether {@code path} is surely a directory, not a symlink (this unpack made or checked it). */
  boolean directory(Path path) {
    return dirs.contains(path);
  }

  /** Records a path this unpack made. */
  void made(Path path) {
    if (fresh) {
      made.add(path);
    }
  }

  /** Records a directory this unpack made or found. */
  void dir(Path path) {
    if (fresh) {
      made.add(path);
      dirs.add(path);
    }
  }

  /** Forgets the directories at and below {@code path}, which is being deleted. */
  void deleted(Path path) {
    dirs.removeIf(d -> d.startsWith(path));
  }
}
