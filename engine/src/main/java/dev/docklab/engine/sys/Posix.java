package dev.docklab.engine.sys;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few Linux system calls the engine needs that the JDK does not offer. Every failure is a
 * {@link SyscallException} naming the call, its arguments and the errno text.
 */
public interface Posix {
  long MS_RDONLY = 1;
  long MS_BIND = 4096;
  long MS_REC = 16384;
  int MNT_DETACH = 2;

  int S_IFIFO = 0010000;
  int S_IFCHR = 0020000;
  int S_IFBLK = 0060000;

  /** The host's C library. */
  static Posix host() {
    return LibcPosix.INSTANCE;
  }

  /** mount(2). */
  void mount(String source, Path target, String fsType, long flags, String data);

  /** umount2(2). */
  void umount(Path target, int flags);

  /** mknod(2): {@code mode} carries the file type bits and the permissions. */
  void mknod(Path path, int mode, int major, int minor);

  /** lchown(2): never follows a symlink. */
  void lchown(Path path, int uid, int gid);

  /** chmod(2) with the full mode, setuid, setgid and sticky bits included. */
  void chmod(Path path, int mode);

  /** utimensat(2) with AT_SYMLINK_NOFOLLOW: sets atime and mtime of the path itself. */
  void lutimes(Path path, long epochSeconds, long nanos);

  /** lsetxattr(2). */
  void lsetxattr(Path path, String name, byte[] value);

  /** lgetxattr(2); null when the attribute is absent. */
  byte[] lgetxattr(Path path, String name);

  /** The effective user id of this process. */
  int geteuid();

  /**
   * setpriority(2) of the calling thread alone (Linux keeps a nice value per thread): {@code nice} from
   * 0 to 19, the highest the least served; the processes it starts from then on inherit it.
   */
  void niceThisThread(int nice);

  /**
   * Marks {@code dir} as the top of directory hierarchies (ext4's {@code FS_TOPDIR_FL}, {@code chattr
   * +T}), so that the filesystem spreads the directories made in it over its block groups as it does
   * those of its root, instead of packing them beside {@code dir}. Returns false where the filesystem
   * has no such flag.
   */
  default boolean spreadSubdirectories(Path dir) {
    return false;
  }

  /** kill(pid, 0): whether a process with this pid exists. */
  default boolean processAlive(long pid) {
    return Files.exists(Path.of("/proc/" + pid));
  }
}
