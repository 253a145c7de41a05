package dev.docklab.engine.sys;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A client of a Unix SOCK_SEQPACKET socket, such as conmon's attach socket: each read returns one
 * whole packet. The socket's directory is opened first and the socket reached through
 * {@code /proc/self/fd/N/NAME}, so paths longer than sun_path's 108 bytes still work.
 */
public final class SeqPacketSocket implements AutoCloseable {
  private static final int AF_UNIX = 1;
  private static final int SOCK_SEQPACKET = 5;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final int O_PATH = 010000000;
  private static final int SHUT_WR = 1;
  private static final int EINTR = 4;
  private final LibcPosix posix = LibcPosix.INSTANCE;
  private final int fd;
  private volatile boolean closed;

  private SeqPacketSocket(int fd) {
    this.fd = fd;
  }

  /** Connects to the socket at {@code path}. */
  public static SeqPacketSocket connect(Path path) {
    LibcPosix p = LibcPosix.INSTANCE;
    int dir;
    try {
      dir = p.libc.open(path.getParent().toString(), O_PATH);
    } catch (LastErrorException e) {
      throw p.fail("open(\"" + path.getParent() + "\", O_PATH)", e);
    }
    int fd = -1;
    try {
      fd = p.libc.socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
      byte[] name = ("/proc/self/fd/" + dir + "/" + path.getFileName()).getBytes(StandardCharsets.UTF_8);
      byte[] addr = new byte[110];
      addr[0] = AF_UNIX; // sa_family_t, little-endian
      System.arraycopy(name, 0, addr, 2, name.length);
      p.libc.connect(fd, addr, 2 + name.length + 1);
      return new SeqPacketSocket(fd);
    } catch (LastErrorException e) {
      if (fd >= 0) {
        p.libc.close(fd);
      }
      throw p.fail("connect(\"" + path + "\")", e);
    } finally {
      p.libc.close(dir);
    }
  }

  /** The next packet, or null when the other side closed. */
  public byte[] read() {
    byte[] buf = new byte[65536];
    while (true) {
      try {
        long n = posix.libc.read(fd, buf, buf.length);
        return n <= 0 ? null : Arrays.copyOf(buf, (int) n);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EINTR) {
          continue;
        }
        if (closed) {
          return null;
        }
        throw posix.fail("read(attach socket)", e);
      }
    }
  }

  /** Sends {@code bytes} as one packet. */
  public void write(byte[] bytes) {
    try {
      posix.libc.write(fd, bytes, bytes.length);
    } catch (LastErrorException e) {
      throw posix.fail("write(attach socket)", e);
    }
  }

  /** Tells the other side that no more data will come (stdin reached its end). */
  public void shutdownOutput() {
    try {
      posix.libc.shutdown(fd, SHUT_WR);
    } catch (LastErrorException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        posix.libc.shutdown(fd, 2);
      } catch (LastErrorException e) {
        // not connected any more
      }
      posix.libc.close(fd);
    }
  }
}
