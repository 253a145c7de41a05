package dev.docklab.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/** The connections open now and the process behind each, read once when the connection opens. */
final class Clients implements Connection.Listener {
  private final Map<EndPoint, Peer> open = new ConcurrentHashMap<>();

  @Override
  public void onOpened(Connection connection) {
    EndPoint e = connection.getEndPoint();
    open.computeIfAbsent(e, k -> k instanceof SocketChannelEndPoint s ? PeerCredentials.of(s.getChannel())
        : Peer.unknown());
  }

  @Override
  public void onClosed(Connection connection) {
    // a hijacked connection hands its endpoint to the raw connection: it stays open until that closes
    EndPoint e = connection.getEndPoint();
    if (!e.isOpen()) {
      open.remove(e);
    }
  }

  /** The client at the other end of {@code connection}'s endpoint. */
  Peer peer(Connection connection) {
    Peer p = connection == null ? null : open.get(connection.getEndPoint());
    return p == null ? Peer.unknown() : p;
  }

  /** The processes connected now, one entry a process. */
  List<Peer> now() {
    Map<Long, Peer> byPid = new LinkedHashMap<>();
    open.forEach((endPoint, peer) -> {
      // a client that hung up while its stream waits (docker events) leaves Jetty's endpoint open until the
      // next write: its process having ended says it is gone
      if (endPoint.isOpen() && peer.running()) {
        byPid.putIfAbsent(peer.pid(), peer);
      } else {
        open.remove(endPoint);
      }
    });
    return new ArrayList<>(byPid.values());
  }
}
