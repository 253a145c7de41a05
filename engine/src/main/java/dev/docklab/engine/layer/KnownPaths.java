package dev.docklab.engine.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private int umask = -1;
  private volatile boolean rootOwned;

  private static final List<Set<PosixFilePermission>> PERMISSIONS = permissions();

  private static List<Set<PosixFilePermission>> permissions() {
    List<Set<PosixFilePermission>> all = new ArrayList<>(512);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001)
    for (int mode = 0; mode < 512; mode++) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      for (int i = 0; i < bits.length; i++) {
        if ((mode & (0400 >> i)) != 0) {
          set.add(bits[i]);
        }
      }
      all.add(Collections.unmodifiableSet(set));
    }
    return List.copyOf(all);
  }

  private KnownPaths(boolean fresh) {
    this.fresh = fresh;
  }

  /**
   * For {@code target}, empty when the unpack begins: also what the kernel gives a new file there
   * unasked, so that a file made as the tar says needs no chown or chmod after. New files are root's
   * when the target is root's and not setgid (it was made by this process, so its owner is this
   * process's); the umask is read from a probe file made with mode 0777 and deleted at once.
   */
  static KnownPaths empty(Path target) throws IOException {
    KnownPaths known = new KnownPaths(true);
    Map<String, Object> a = Files.readAttributes(target, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
    known.rootOwned = (Integer) a.get("uid") == 0 && (Integer) a.get("gid") == 0
        && ((Integer) a.get("mode") & 02000) == 0;
    Path probe = target.resolve(".docklab-umask-probe");
    Files.createFile(probe, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    try {
      known.umask = ~(Integer) Files.getAttribute(probe, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777;
    } finally {
      Files.delete(probe);
    }
    return known;
  }

  /** Whether a new entry is {@code uid}:{@code gid} without a chown (see {@link #empty}). */
  boolean ownedAlready(long uid, long gid) {
    return rootOwned && uid == 0 && gid == 0;
  }

  /**
   * From now on new entries may not be root's unasked: a directory is setgid (its entries take its
   * group). The caller waits for the files being written first.
   */
  void setgidDirectory() {
    rootOwned = false;
  }

  /** The permissions to create a file of {@code mode} with, when they need no chmod after; else null. */
  Set<PosixFilePermission> creationMode(int mode) {
    if (umask < 0 || (mode & 07000) != 0 || (mode & umask) != 0) {
      return null;
    }
    return PERMISSIONS.get(mode & 0777);
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
