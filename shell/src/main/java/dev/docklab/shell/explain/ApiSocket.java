package dev.docklab.shell.explain;

import java.util.List;

/**
 * The Docker Engine API as this docklab serves it now, for {@code explain arch}: the socket with its
 * mode, owner and group, the serving process, and the processes connected to it at this moment.
 *
 * @param path the socket's path
 * @param mode its permissions as {@code ls -l} shows them ({@code rw-rw----})
 * @param owner the socket's owner
 * @param group the socket's group
 * @param daemonPid the process that serves it
 * @param clients the processes connected now
 */
public record ApiSocket(String path, String mode, String owner, String group, long daemonPid,
    List<Client> clients) {
  public ApiSocket {
    clients = List.copyOf(clients);
  }

  /**
   * A process connected to the socket.
   *
   * @param pid its PID (0 when the kernel did not say)
   * @param command its command line, shortened ({@code docker events})
   */
  public record Client(long pid, String command) {}
}
