package dev.docklab.daemon;

import dev.docklab.engine.api.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code docklab daemon}: the Docker Engine API over one engine, on Unix sockets and TCP (beyond loopback only through TLS).
 * Closing it stops serving; the engine stays with its owner, and containers keep running under their
 * monitors, as with dockerd.
 */
public final class Daemon implements AutoCloseable {
  private final Engine engine;
  private final EventHub events;
  private final List<ListenAddress> listening = new ArrayList<>();
  private final Clients clients = new Clients();
  private Consumer<ApiCall> calls = call -> { };
  private Api api;
  private Server server;

  /** A daemon over {@code engine}, whose listener is {@code events} (so that {@code /events} sees what it does). */
  public Daemon(Engine engine, EventHub events) {
    this.engine = engine;
    this.events = events;
  }

  /** Tells {@code listener} of every request answered from now on (on the serving thread, as it ends). */
  public Daemon onCall(Consumer<ApiCall> listener) {
    this.calls = listener;
    return this;
  }

  /** Listens on every address and serves until {@link #close()}. */
  public void start(List<ListenAddress> addresses) throws Exception {
    start(addresses, null);
  }

  /**
   * Listens on every address and serves until {@link #close()}; TCP addresses through TLS with
   * {@code tls} ({@code --tls}, {@code --tlsverify}), as dockerd's; none when it is null.
   */
  public void start(List<ListenAddress> addresses, TlsFiles tls) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(256, 4);
    threads.setName("docklab-daemon");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    for (ListenAddress a : addresses) {
      if (a.unix()) {
        SocketAccess.prepare(a.socket());
        UnixDomainServerConnector c = new UnixDomainServerConnector(server, new HttpConnectionFactory(http));
        c.setUnixDomainPath(a.socket());
        c.setIdleTimeout(-1);
        c.addEventListener(clients);
        server.addConnector(c);
      } else {
        ServerConnector c = tls == null ? new ServerConnector(server, new HttpConnectionFactory(http))
            : new ServerConnector(server, tls.context(), new HttpConnectionFactory(http));
        c.setHost(a.host());
        c.setPort(a.port());
        c.setIdleTimeout(-1);
        server.addConnector(c);
      }
    }
    api = Routes.api(engine, events).observed(clients, call -> calls.accept(call));
    server.setHandler(api);
    server.setStopTimeout(1000);
    try {
      server.start();
      for (ListenAddress a : addresses) {
        if (a.unix()) {
          SocketAccess.restrict(a.socket());
        }
      }
    } catch (Exception e) {
      close();
      throw e;
    }
    listening.addAll(addresses);
  }

  /** Where it listens. */
  public List<ListenAddress> listening() {
    return List.copyOf(listening);
  }

  /** The processes connected to the Unix sockets now (a {@code docker events} waiting, say), one a process. */
  public List<Peer> clients() {
    return clients.now();
  }

  /** The client whose request the calling thread is serving; null when it serves none. */
  public Peer servingNow() {
    Api a = api;
    return a == null ? null : a.serving();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        // stopping anyway: the sockets close with the process
      }
      server = null;
    }
    events.close();
    for (ListenAddress a : listening) {
      if (a.unix()) {
        try {
          Files.deleteIfExists(a.socket());
        } catch (IOException e) {
          // a stale socket is removed by the next start
        }
      }
    }
  }
}
