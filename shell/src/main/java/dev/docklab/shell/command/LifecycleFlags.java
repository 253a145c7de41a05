package dev.docklab.shell.command;

import dev.docklab.engine.api.Lifecycle;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;

/** {@code docker run}'s flags for healthchecks, the stop signal and timeout, the log driver and {@code --volumes-from}. */
final class LifecycleFlags {
  private LifecycleFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of();
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Lifecycle read(Args args, Session s) {
    return Lifecycle.NONE;
  }
}
