package dev.docklab.engine.container;

import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * A starting container's network on its way: the namespace exists already (the runtime can create the
 * container in it), while the plugins give it its interfaces and ports on a thread of their own, so that
 * the two overlap; the start waits for both before the container's process runs.
 */
final class NetworkJoin {
  /** Threads of their own, so that no background job of the common pool delays a start. */
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemons());
  private final String id;
  private final Endpoint early;
  private final CompletableFuture<Timed> done;
  private final ContainerStore store;
  private final EngineListener listener;
  private final String device;

  private NetworkJoin(String id, Endpoint early, CompletableFuture<Timed> done, ContainerStore store,
      EngineListener listener, String device) {
    this.id = id;
    this.early = early;
    this.done = done;
    this.store = store;
    this.listener = listener;
    this.device = device;
  }

  /** What the plugins gave, and how long the whole network took from the namespace on. */
  private record Timed(Endpoint endpoint, long nanos) {}

  /** A network with nothing left to do: host, none, another container's namespace. */
  static NetworkJoin ready(String id, Endpoint endpoint) {
    return new NetworkJoin(id, endpoint, CompletableFuture.completedFuture(new Timed(endpoint, -1)), null, null, "");
  }

  /**
   * Runs {@code plugins} on a worker: {@code early} is the endpoint as the spec needs it (its namespace made at
   * {@code startedNanos}); the result, recorded by {@link #await}, is the whole one.
   */
  static NetworkJoin begin(String id, Endpoint early, long startedNanos, Supplier<Endpoint> plugins,
      ContainerStore store, EngineListener listener, String device) {
    CompletableFuture<Timed> f = CompletableFuture.supplyAsync(() -> {
      Endpoint ep = plugins.get();
      return new Timed(ep, System.nanoTime() - startedNanos);
    }, WORKERS);
    return new NetworkJoin(id, early, f, store, listener, device);
  }

  /** The endpoint the runtime's spec needs: its namespace (no address yet on a bridge). */
  Endpoint early() {
    return early;
  }

  /**
   * Waits for the plugins and records their endpoint; a failure (the plugins undid their work) is thrown as
   * it was, and the endpoint's note goes.
   */
  Endpoint await() {
    Timed t;
    try {
      t = done.join();
    } catch (CompletionException e) {
      if (store != null) {
        store.deleteEndpoint(id);
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw EngineException.system(EngineMessage.PREPARE_FAILED, e.getCause(), id, String.valueOf(e.getCause()));
    }
    if (t.nanos() < 0) {
      return t.endpoint();
    }
    Endpoint ep = t.endpoint();
    store.saveEndpoint(id, ep);
    listener.on(EngineEvent.said(EventStep.NETWORK, id, Duration.ofNanos(t.nanos()),
        ep.ports().isEmpty() ? EngineMessage.EVENT_CONNECTED : EngineMessage.EVENT_CONNECTED_PORTS,
        ep.ipAddress(), ep.prefixLen(), device, ep.hostVeth(), ep.sandboxKey(), ep.ports()));
    return ep;
  }

  /**
   * After a failed start: waits until the plugins are done either way and returns what there is to take
   * down: the whole endpoint, or null when the plugins failed (they undid their work).
   */
  Endpoint settle() {
    try {
      return done.join().endpoint();
    } catch (CompletionException e) {
      if (store != null) {
        store.deleteEndpoint(id);
      }
      return null;
    }
  }

  private static ThreadFactory daemons() {
    return r -> {
      Thread t = new Thread(r, "docklab-network");
      t.setDaemon(true);
      return t;
    };
  }
}
