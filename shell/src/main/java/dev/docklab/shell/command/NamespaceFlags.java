package dev.docklab.shell.command;

import dev.docklab.engine.api.Namespaces;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;

/** {@code docker run}'s flags for namespace modes, DNS, extra hosts, aliases and {@code --init}. */
final class NamespaceFlags {
  private NamespaceFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of();
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Namespaces read(Args args, Session s) {
    return Namespaces.NONE;
  }
}
