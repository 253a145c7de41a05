package dev.docklab.shell.command;

import dev.docklab.engine.api.Resources;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;

/** {@code docker run}'s CPU, memory and block-I/O flags ({@code --cpus}, {@code --cpu-shares}, {@code --memory-swap}...). */
final class ResourceFlags {
  private ResourceFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of();
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Resources read(Args args, Session s) {
    return Resources.NONE;
  }
}
