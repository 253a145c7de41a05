package dev.docklab.engine.api;

import java.util.ServiceLoader;

/**
 * The container engine, as everything that drives it sees it: the REPL, lessons, JShell and the
 * daemon's HTTP routes. A thin hub of services named after Docker's management commands
 * ({@code engine.containers().create(...)}, {@code engine.images().pull(...)}). It never prints and
 * never exits; it reports what it does through an {@link EngineListener} and fails with
 * {@link EngineException}s whose messages a learner can read.
 */
public interface Engine extends AutoCloseable {
  /** docklab's version, as {@code docker version} shows it. */
  String VERSION = "0.1.0";

  /** {@code docker image ...}: images, their layers, builds, archives, pulls and pushes. */
  Images images();

  /** {@code docker container ...}: create, start, stop, inspect, logs, exec... */
  Containers containers();

  /** {@code docker network ...}. */
  Networks networks();

  /** {@code docker volume ...}. */
  Volumes volumes();

  /** {@code docker login/logout/search} and docklab's own hub. */
  Registries registries();

  /** {@code docker system ...}: info, inspect of any object, the offline base images. */
  SystemService system();

  /** What {@code explain ...} shows: layers, mounts, copy-up, boot and network facts. */
  Explain explain();

  /** Releases the data root (containers with {@code -d} keep running under their monitors). */
  @Override
  void close();

  /**
   * Opens the engine on {@code options.dataRoot()}: in this process, or, when {@code options} name a
   * socket, as a client of the docklab that serves it there (the implementation that
   * {@link EngineProvider#accepts} them).
   */
  static Engine open(EngineOptions options, EngineListener listener) {
    return provider(options).open(options, listener);
  }

  /** The in-process implementation (for the hub and the monitors' restart policies). */
  static EngineProvider provider() {
    return provider(EngineOptions.defaults());
  }

  /** The implementation on the class path that accepts {@code options}. */
  static EngineProvider provider(EngineOptions options) {
    return ServiceLoader.load(EngineProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.accepts(options)).findFirst()
        .orElseThrow(() -> EngineException.system(EngineMessage.NO_ENGINE, null));
  }
}
