package dev.docklab.daemon.client;

import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Explain;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Networks;
import dev.docklab.engine.api.Registries;
import dev.docklab.engine.api.SystemService;
import dev.docklab.engine.api.Volumes;
import java.nio.file.Path;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The engine another docklab holds, as a client of the socket it serves it on: the same api, each call
 * sent to the daemon, the events the call caused given to this engine's listener. Closing it closes the
 * connection only; the engine stays with its owner.
 */
public final class RemoteEngine implements Engine {
  private final HttpClient http;
  private final Path socket;
  private final Images images;
  private final Containers containers;
  private final Networks networks;
  private final Volumes volumes;
  private final Registries registries;
  private final SystemService system;
  private final Explain explain;

  private RemoteEngine(HttpClient http, Path socket, EngineListener listener) {
    this.http = http;
    this.socket = socket;
    RemoteCalls calls = new RemoteCalls(http, socket, listener);
    this.images = RemoteService.of(Images.class, calls);
    this.containers = RemoteService.of(Containers.class, calls);
    this.networks = RemoteService.of(Networks.class, calls);
    this.volumes = RemoteService.of(Volumes.class, calls);
    this.registries = RemoteService.of(Registries.class, calls);
    this.system = RemoteService.of(SystemService.class, calls);
    this.explain = RemoteService.of(Explain.class, calls);
  }

  /** A client of the engine served on {@code socket}; {@code listener} hears the steps of its own calls. */
  public static RemoteEngine connect(Path socket, EngineListener listener) {
    QueuedThreadPool threads = new QueuedThreadPool(16, 1);
    threads.setName("docklab-client");
    threads.setDaemon(true);
    HttpClient http = new HttpClient();
    http.setExecutor(threads);
    http.setIdleTimeout(0);
    http.setConnectTimeout(5_000);
    try {
      http.start();
    } catch (Exception e) {
      throw EngineException.system(EngineMessage.SERVED_ENGINE_LOST, e, socket, e.getMessage());
    }
    return new RemoteEngine(http, socket, listener == null ? EngineListener.NONE : listener);
  }

  /** The socket this client talks to. */
  public Path socket() {
    return socket;
  }

  @Override
  public Images images() {
    return images;
  }

  @Override
  public Containers containers() {
    return containers;
  }

  @Override
  public Networks networks() {
    return networks;
  }

  @Override
  public Volumes volumes() {
    return volumes;
  }

  @Override
  public Registries registries() {
    return registries;
  }

  @Override
  public SystemService system() {
    return system;
  }

  @Override
  public Explain explain() {
    return explain;
  }

  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      // the connections close with the process
    }
  }

  @Override
  public String toString() {
    return "docklab engine served on unix://" + socket;
  }
}
