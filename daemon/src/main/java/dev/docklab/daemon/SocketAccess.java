package dev.docklab.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;

/** Who may use the daemon's Unix socket: root and the group {@code docklab}, mode 660, as Docker's socket. */
final class SocketAccess {
  static final String GROUP = "docklab";

  private SocketAccess() {}

  /** Makes the socket's directory; removes a socket no daemon answers on; fails when one does. */
  static void prepare(Path socket) throws IOException {
    Files.createDirectories(socket.getParent());
    if (!Files.exists(socket)) {
      return;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      throw new IOException("a daemon is already listening on " + socket + ": stop it first");
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("a daemon is already listening")) {
        throw e;
      }
      Files.delete(socket);
    }
  }

  /** Gives the socket to root and the group {@code docklab} (made when missing), mode 660. */
  static void restrict(Path socket) throws IOException {
    ensureGroup();
    UserPrincipalLookupService users = socket.getFileSystem().getUserPrincipalLookupService();
    GroupPrincipal group = users.lookupPrincipalByGroupName(GROUP);
    PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName("root"));
    view.setGroup(group);
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
  }

  private static void ensureGroup() throws IOException {
    try {
      socketUsers().lookupPrincipalByGroupName(GROUP);
      return;
    } catch (IOException missing) {
      // made below
    }
    try {
      Process p = new ProcessBuilder("groupadd", "--system", GROUP).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0 && !out.contains("already exists")) {
        throw new IOException("groupadd --system " + GROUP + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the group " + GROUP, e);
    }
  }

  private static UserPrincipalLookupService socketUsers() {
    return Path.of("/").getFileSystem().getUserPrincipalLookupService();
  }
}
