package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import java.util.Locale;

/** {@code --network}: Docker's three built-in networks. */
public enum NetworkMode {
  /** A namespace of its own on docklab's bridge (the default). */
  BRIDGE,
  /** The host's own network stack: no namespace, no published ports. */
  HOST,
  /** A namespace of its own with only {@code lo}. */
  NONE,
  /** Another container's namespace ({@code container:NAME}): its interfaces, its localhost. */
  CONTAINER,
  /** A network made with {@code docker network create}: a bridge of its own, names that resolve. */
  USER;

  /** Docker's name, as in {@code HostConfig.NetworkMode}. */
  public String dockerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The container named by {@code container:NAME}. */
  public static String containerTarget(String value) {
    return value.substring("container:".length());
  }

  /** {@code bridge}, {@code default}, {@code host}, {@code none}, {@code container:NAME}, or a user network's name. */
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
      if (value.length() == "container:".length()) {
        throw EngineException.invalid("invalid container format container:<name|id>");
      }
      return CONTAINER;
    }
    return USER; // whether it exists is the engine's to say ("network X not found")
  }
}
