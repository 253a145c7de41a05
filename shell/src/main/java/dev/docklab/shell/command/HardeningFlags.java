package dev.docklab.shell.command;

import dev.docklab.engine.api.Hardening;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;

/** {@code docker run}'s flags for capabilities, {@code --privileged}, the root's mounts, ulimits, sysctls and devices. */
final class HardeningFlags {
  private HardeningFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of();
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Hardening read(Args args, Session s) {
    return Hardening.NONE;
  }
}
