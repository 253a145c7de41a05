package dev.docklab.daemon;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.lang.reflect.Method;
import java.nio.channels.Channel;

/**
 * {@code getsockopt(fd, SOL_SOCKET, SO_PEERCRED)} on an accepted Unix-domain connection, through JNA:
 * the kernel's word for which process connected. The JDK's own {@code SO_PEERCRED} option gives the
 * user and group only; the PID needs the descriptor, which the JDK keeps in {@code sun.nio.ch} (opened by
 * the jar's {@code Add-Exports}, and by the tests' {@code argLine}).
 */
final class PeerCredentials {
  private static final int SOL_SOCKET = 1;
  private static final int SO_PEERCRED = 17;
  private static final int UCRED_SIZE = 12; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }

  private interface C extends Library {
    int getsockopt(int fd, int level, int name, Memory value, IntByReference length) throws LastErrorException;
  }

  private static final C LIBC = Native.load("c", C.class);
  private static final Method FD = fdAccessor();

  private PeerCredentials() {}

  /** The peer of {@code channel}; {@link Peer#unknown()} when it is no Unix socket or the kernel says nothing. */
  static Peer of(Channel channel) {
    if (FD == null || !FD.getDeclaringClass().isInstance(channel)) {
      return Peer.unknown();
    }
    try {
      int fd = (int) FD.invoke(channel);
      Memory ucred = new Memory(UCRED_SIZE);
      IntByReference length = new IntByReference(UCRED_SIZE);
      LIBC.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, ucred, length);
      int pid = ucred.getInt(0);
      return pid <= 0 ? Peer.unknown() : Peer.of(pid, ucred.getInt(4));
    } catch (ReflectiveOperationException | LastErrorException e) {
      return Peer.unknown();
    }
  }

  /** Whether this JVM may read a channel's descriptor (false without the {@code sun.nio.ch} export). */
  static boolean available() {
    return FD != null;
  }

  private static Method fdAccessor() {
    try {
      Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
      if (!m.getDeclaringClass().getModule().isExported("sun.nio.ch", PeerCredentials.class.getModule())) {
        return null;
      }
      return m;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
