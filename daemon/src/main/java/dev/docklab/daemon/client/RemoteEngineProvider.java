package dev.docklab.daemon.client;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineProvider;
import dev.docklab.engine.api.HubAdmin;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@link RemoteEngine} as {@link Engine#open} finds it: for options that name the socket of a served engine. */
public final class RemoteEngineProvider implements EngineProvider {
  @Override
  public boolean accepts(EngineOptions options) {
    return options.socket() != null;
  }

  @Override
  public Engine open(EngineOptions options, EngineListener listener) {
    return RemoteEngine.connect(options.socket(), listener);
  }

  /** The hub's store is the holder's: a client reaches it through {@code registries().hub()}. */
  @Override
  public HubAdmin hub(Path root, Consumer<String> log) {
    throw EngineException.invalid("the hub of a served engine is reached through engine.registries().hub()");
  }

  /** Restart policies are applied by the engine's holder. */
  @Override
  public List<String> reconcile(EngineOptions options, String containerId) {
    return List.of();
  }
}
