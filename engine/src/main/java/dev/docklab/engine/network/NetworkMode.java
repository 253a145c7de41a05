package dev.docklab.engine.network;

import dev.docklab.engine.EngineException;

/** {@code --network}: Docker's three built-in networks. */
public enum NetworkMode {
  /** A namespace of its own on docklab's bridge (the default). */
  BRIDGE,
  /** The host's own network stack: no namespace, no published ports. */
  HOST,
  /** A namespace of its own with only {@code lo}. */
  NONE;

  /** Docker's name, as in {@code HostConfig.NetworkMode}. */
  public String dockerName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code bridge}, {@code default}, {@code host} or {@code none}; Docker's error for any other name. */
  public static NetworkMode parse(String value) {
    if (value == null || value.isEmpty() || value.equals("default") || value.equals("bridge")) {
      return BRIDGE;
    }
    if (value.equals("host")) {
      return HOST;
    }
    if (value.equals("none")) {
      return NONE;
    }
    if (value.startsWith("container:")) {
      throw EngineException.invalid("docklab does not share a network namespace between containers yet"
          + " (--network " + value + "): use bridge, host or none");
    }
    throw EngineException.notFound("network " + value + " not found");
  }
}
