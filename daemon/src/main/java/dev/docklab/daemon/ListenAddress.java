package dev.docklab.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * One {@code -H} address: {@code unix:///run/docklab/docklab.sock} or {@code tcp://127.0.0.1:2375}.
 *
 * @param socket the Unix socket's path (null for TCP)
 * @param host the TCP host (null for a Unix socket)
 * @param port the TCP port
 */
public record ListenAddress(Path socket, String host, int port) {
  /** Where the daemon listens when no {@code -H} is given, as dockerd's {@code /var/run/docker.sock}. */
  public static final ListenAddress DEFAULT = new ListenAddress(Path.of("/run/docklab/docklab.sock"), null, 0);

  /** Parses {@code -H}'s value; fails with a message in dockerd's words when it is not an address. */
  public static ListenAddress parse(String text) {
    if (text.startsWith("unix://")) {
      String path = text.substring("unix://".length());
      if (path.isEmpty() || !path.startsWith("/")) {
        throw new IllegalArgumentException("invalid bind address (" + text + "): unix socket path must be absolute");
      }
      return new ListenAddress(Path.of(path), null, 0);
    }
    if (text.startsWith("tcp://")) {
      String rest = text.substring("tcp://".length());
      int colon = rest.lastIndexOf(':');
      String host = colon < 0 ? rest : rest.substring(0, colon);
      int port = 2375;
      if (colon >= 0) {
        try {
          port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("invalid bind address (" + text + "): invalid port");
        }
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("invalid bind address (" + text + "): invalid port");
      }
      return new ListenAddress(null, host.isEmpty() ? "0.0.0.0" : host, port);
    }
    throw new IllegalArgumentException("invalid bind address (" + text + "): unsupported protocol (unix:// or tcp://)");
  }

  public boolean unix() {
    return socket != null;
  }

  /** Whether only this machine can reach it: a Unix socket, or TCP on a loopback address. */
  public boolean loopback() {
    if (unix()) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return unix() ? "unix://" + socket : "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
