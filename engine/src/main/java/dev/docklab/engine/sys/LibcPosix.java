package dev.docklab.engine.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.Arrays;

/** {@link Posix} through JNA: one wrapper per system call, errno turned into an exception. */
final class LibcPosix implements Posix {
  static final LibcPosix INSTANCE = new LibcPosix();
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int ENODATA = 61;
  private static final int O_RDONLY_DIRECTORY_CLOEXEC = 0200000 | 02000000;
  private static final long FS_IOC_GETFLAGS = 0x80086601L;
  private static final long FS_IOC_SETFLAGS = 0x40086602L;
  private static final int FS_TOPDIR_FL = 0x00020000;

  /** The libc functions, as JNA binds them. */
  interface CLibrary extends Library {
    int mount(String source, String target, String fsType, long flags, String data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int mknod(String path, int mode, long dev) throws LastErrorException;

    int lchown(String path, int uid, int gid) throws LastErrorException;

    int chmod(String path, int mode) throws LastErrorException;

    int utimensat(int dirfd, String path, long[] times, int flags) throws LastErrorException;

    int lsetxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;

    long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;

    int geteuid();

    int gettid();

    int setpriority(int which, int who, int prio) throws LastErrorException;

    String strerror(int errnum);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int connect(int fd, byte[] addr, int len) throws LastErrorException;

    long read(int fd, byte[] buf, long count) throws LastErrorException;

    long write(int fd, byte[] buf, long count) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int kill(int pid, int sig) throws LastErrorException;

    int ioctl(int fd, long request, int[] arg) throws LastErrorException;
  }

  final CLibrary libc = Native.load("c", CLibrary.class);

  private LibcPosix() {}

  SyscallException fail(String call, LastErrorException e) {
    int errno = e.getErrorCode();
    return new SyscallException(call, errno, libc.strerror(errno));
  }

  @Override
  public boolean spreadSubdirectories(Path dir) {
    int fd;
    try {
      fd = libc.open(dir.toString(), O_RDONLY_DIRECTORY_CLOEXEC);
    } catch (LastErrorException e) {
      throw fail("open(\"" + dir + "\", O_RDONLY|O_DIRECTORY)", e);
    }
    try {
      int[] flags = new int[1];
      libc.ioctl(fd, FS_IOC_GETFLAGS, flags);
      if ((flags[0] & FS_TOPDIR_FL) == 0) {
        flags[0] |= FS_TOPDIR_FL;
        libc.ioctl(fd, FS_IOC_SETFLAGS, flags);
      }
      return true;
    } catch (LastErrorException e) {
      return false; // ENOTTY, EOPNOTSUPP, EINVAL: no inode flags here (tmpfs, overlay...), or not this one
    } finally {
      libc.close(fd);
    }
  }

  @Override
  public void mount(String source, Path target, String fsType, long flags, String data) {
    try {
      libc.mount(source, target.toString(), fsType, flags, data);
    } catch (LastErrorException e) {
      throw fail("mount(\"" + source + "\", \"" + target + "\", \"" + fsType + "\", " + flags + ", \"" + data + "\")", e);
    }
  }

  @Override
  public void umount(Path target, int flags) {
    try {
      libc.umount2(target.toString(), flags);
    } catch (LastErrorException e) {
      throw fail("umount2(\"" + target + "\", " + flags + ")", e);
    }
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) {
    long dev = ((long) (major & 0xfffff000) << 32) | ((major & 0xfffL) << 8)
        | ((long) (minor & 0xffffff00) << 12) | (minor & 0xffL);
    try {
      libc.mknod(path.toString(), mode, dev);
    } catch (LastErrorException e) {
      throw fail("mknod(\"" + path + "\", 0" + Integer.toOctalString(mode) + ", " + major + ":" + minor + ")", e);
    }
  }

  @Override
  public void lchown(Path path, int uid, int gid) {
    try {
      libc.lchown(path.toString(), uid, gid);
    } catch (LastErrorException e) {
      throw fail("lchown(\"" + path + "\", " + uid + ", " + gid + ")", e);
    }
  }

  @Override
  public void chmod(Path path, int mode) {
    try {
      libc.chmod(path.toString(), mode);
    } catch (LastErrorException e) {
      throw fail("chmod(\"" + path + "\", 0" + Integer.toOctalString(mode) + ")", e);
    }
  }

  @Override
  public void lutimes(Path path, long epochSeconds, long nanos) {
    long[] times = {epochSeconds, nanos, epochSeconds, nanos};
    try {
      libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW);
    } catch (LastErrorException e) {
      throw fail("utimensat(\"" + path + "\")", e);
    }
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) {
    try {
      libc.lsetxattr(path.toString(), name, value, value.length, 0);
    } catch (LastErrorException e) {
      throw fail("lsetxattr(\"" + path + "\", \"" + name + "\")", e);
    }
  }

  @Override
  public byte[] lgetxattr(Path path, String name) {
    byte[] buf = new byte[4096];
    try {
      long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
      return Arrays.copyOf(buf, (int) n);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == ENODATA) {
        return null;
      }
      throw fail("lgetxattr(\"" + path + "\", \"" + name + "\")", e);
    }
  }

  @Override
  public int geteuid() {
    return libc.geteuid();
  }

  @Override
  public void niceThisThread(int nice) {
    int tid = libc.gettid();
    try {
      libc.setpriority(0 /* PRIO_PROCESS: on Linux, one thread's id names that thread */, tid, nice);
    } catch (LastErrorException e) {
      throw fail("setpriority(PRIO_PROCESS, " + tid + ", " + nice + ")", e);
    }
  }

  @Override
  public boolean processAlive(long pid) {
    try {
      libc.kill((int) pid, 0);
      return true;
    } catch (LastErrorException e) {
      return e.getErrorCode() == 1; // EPERM: it exists, but is not ours
    }
  }
}
