package dev.docklab.shell;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docklab --container-exited DATA_ROOT DRIVER RUNTIME|- ID}: what a container's monitor runs
 * when a container with a restart policy exits, so that the policy acts while no docklab is open.
 */
final class ContainerExited {
  /** The first argument that selects this entry point. */
  static final String ARG = "--container-exited";

  private ContainerExited() {}

  /** The command the engine gives each container's monitor: this program, with {@link #ARG}. */
  static List<String> command() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), ARG);
  }

  /** Opens the engine on the data root (which records the exit and applies the policy) and closes it. */
  static int run(List<String> args, PrintStream err) {
    if (args.size() < 3) {
      err.println("usage: docklab " + ARG + " DATA_ROOT STORAGE_DRIVER RUNTIME|- [ID]");
      return 2;
    }
    EngineOptions options = EngineOptions.at(Path.of(args.get(0))).withStorageDriver(args.get(1));
    if (!args.get(2).equals("-")) {
      options = options.withRuntime(args.get(2));
    }
    // conmon passes the container's id last
    String id = args.size() > 3 ? args.get(args.size() - 1) : null;
    Engine.provider().reconcile(options, id); // a message only says another docklab does the work
    return 0;
  }
}
