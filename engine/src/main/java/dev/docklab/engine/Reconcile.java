package dev.docklab.engine;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineListener;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp docklab.jar dev.docklab.engine.Reconcile DATA_ROOT DRIVER RUNTIME ID}: what conmon runs
 * when a container with a restart policy exits. It opens the engine on the data root, which records
 * the exit and applies the policy (as the daemon of Docker would), and closes it. When a docklab is
 * open on that data root, that one does the work and this one leaves at once.
 */
public final class Reconcile {
  private Reconcile() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: Reconcile DATA_ROOT STORAGE_DRIVER RUNTIME|-");
      System.exit(2);
    }
    EngineOptions options = EngineOptions.at(Path.of(args[0])).withStorageDriver(args[1]);
    if (!args[2].equals("-")) {
      options = new EngineOptions(options.dataRoot(), options.storageDriver(), args[2], options.busybox());
    }
    // conmon passes the container's id last: a container already removed (docker rm -f) needs nothing
    String id = args.length > 3 ? args[args.length - 1] : null;
    if (!Files.isDirectory(options.dataRoot().resolve("containers"))
        || id != null && !Files.isDirectory(options.dataRoot().resolve("containers").resolve(id))) {
      System.exit(0);
    }
    System.setProperty("docklab.role", "reconcile"); // a docklab that opens meanwhile waits for this one
    try (Engine engine = Engine.open(options, EngineListener.NONE)) {
      // opening reconciled: the exit is recorded and the restart policy applied
    } catch (EngineException e) {
      // another docklab holds the data root and takes care of it, or there is nothing to do
    }
    System.exit(0);
  }
}
