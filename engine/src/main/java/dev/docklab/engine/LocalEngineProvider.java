package dev.docklab.engine;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineProvider;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.service.LocalHubAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The in-process engine, as {@link Engine#open} finds it through {@code META-INF/services}. */
public final class LocalEngineProvider implements EngineProvider {
  /** Any options that name no socket: the engine runs in this process. */
  @Override
  public boolean accepts(EngineOptions options) {
    return options.socket() == null;
  }

  @Override
  public Engine open(EngineOptions options, EngineListener listener) {
    return LocalEngine.open(options, listener);
  }

  @Override
  public HubAdmin hub(Path root, Consumer<String> log) {
    return new LocalHubAdmin(root, log);
  }

  /**
   * What a container's monitor runs when a container with a restart policy exits: opening the engine
   * records the exit and applies the policy (as Docker's daemon would), and it closes at once. When a
   * docklab is open on that data root, that one does the work and this one has nothing to do.
   */
  @Override
  public List<String> reconcile(EngineOptions options, String containerId) {
    Path containers = options.dataRoot().resolve("containers");
    if (!Files.isDirectory(containers) || containerId != null && !Files.isDirectory(containers.resolve(containerId))) {
      return List.of(); // removed already (docker rm -f): nothing to do
    }
    System.setProperty("docklab.role", "reconcile"); // a docklab that opens meanwhile waits for this one
    try (Engine engine = open(options, EngineListener.NONE)) {
      return List.of(); // opening reconciled: the exit is recorded and the restart policy applied
    } catch (EngineException e) {
      return List.of(e.getMessage()); // another docklab holds the data root and takes care of it
    }
  }
}
