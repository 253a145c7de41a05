package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Makes engines and hubs: the one place that knows which implementation is used (found by ServiceLoader). */
public interface EngineProvider {
  /**
   * Whether this implementation opens the engine {@code options} describe: the in-process engine when
   * they name no socket, a client of the daemon's socket when they name one. {@link Engine#open} takes the
   * first provider that accepts.
   */
  boolean accepts(EngineOptions options);

  /** Opens an engine on a data root, taking its lock and reconciling what a crash left. */
  Engine open(EngineOptions options, EngineListener listener);

  /** docklab's hub (the registry) on its own data directory, to serve it or manage its accounts. */
  HubAdmin hub(Path root, Consumer<String> log);

  /** Applies the restart policy of the container that just exited (run by its monitor); returns what to print. */
  List<String> reconcile(EngineOptions options, String containerId);
}
