package dev.docklab.shell;

import dev.docklab.daemon.Daemon;
import dev.docklab.daemon.EventHub;
import dev.docklab.daemon.ListenAddress;
import dev.docklab.daemon.client.RemoteEngine;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine of this REPL (or script) served as the Docker Engine API on a Unix socket, as
 * {@code docklab daemon} serves it: the real docker CLI in another terminal, and the bash lines the REPL
 * runs ({@code for c in $(docker ps -q); do ...}), reach this very engine through {@code DOCKER_HOST}.
 * It starts when first asked for; the REPL asks as soon as its engine is up. When this REPL's engine is
 * another docklab's, served on a socket ({@link RemoteEngine}), that socket is the one named and nothing
 * more is served.
 */
final class Served implements AutoCloseable {
  private final Supplier<Engine> engine;
  private final EventHub events;
  private final Path socket;
  private Daemon daemon;
  private Path clientOf;
  private boolean failed;

  Served(Supplier<Engine> engine, EventHub events, Path dataRoot) {
    this.engine = engine;
    this.events = events;
    this.socket = socketFor(dataRoot);
  }

  /** Docker's place for the default data root's socket; beside the data root for any other. */
  static Path socketFor(Path dataRoot) {
    return dataRoot.toAbsolutePath().normalize().equals(EngineOptions.DEFAULT_DATA_ROOT)
        ? ListenAddress.DEFAULT.socket() : dataRoot.resolve("docklab.sock");
  }

  /** {@code unix://SOCKET} once served; null when it could not be (the socket taken, the engine closed). */
  synchronized String dockerHost() {
    if (daemon == null && clientOf == null && !failed) {
      try {
        Engine e = engine.get();
        if (e instanceof RemoteEngine remote) {
          clientOf = remote.socket();
          return "unix://" + clientOf;
        }
        events.bind(e);
        Daemon d = new Daemon(e, events);
        d.start(List.of(new ListenAddress(socket, null, 0)));
        daemon = d;
      } catch (Exception e) {
        failed = true;
      }
    }
    return clientOf != null ? "unix://" + clientOf : daemon == null ? null : "unix://" + socket;
  }

  /** {@code unix://SOCKET} when served now, else null; never starts serving. */
  synchronized String now() {
    return clientOf != null ? "unix://" + clientOf : daemon == null ? null : "unix://" + socket;
  }

  /** Whether this REPL's engine is another docklab's, served on the socket {@link #dockerHost} names. */
  synchronized boolean client() {
    return clientOf != null;
  }

  @Override
  public synchronized void close() {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }
}
