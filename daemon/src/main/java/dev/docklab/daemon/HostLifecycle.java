package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Lifecycle;
import dev.docklab.engine.api.RunRefusals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/create}'s {@code Healthcheck}, {@code StopSignal}, {@code StopTimeout}, {@code LogConfig} and {@code VolumesFrom}, read into the engine's {@link Lifecycle}. */
final class HostLifecycle {
  private HostLifecycle() {}

  /** From the create body and its {@code HostConfig}. */
  static Lifecycle read(JsonNode body, JsonNode host) {
    JsonNode h = body.path("Healthcheck");
    Lifecycle.Healthcheck check = null;
    if (h.isObject()) {
      List<String> test = new ArrayList<>();
      h.path("Test").forEach(t -> test.add(t.asText()));
      check = new Lifecycle.Healthcheck(test, h.path("Interval").asLong(0), h.path("Timeout").asLong(0),
          h.path("StartPeriod").asLong(0), h.path("StartInterval").asLong(0), h.path("Retries").asInt(0));
    }
    JsonNode timeout = body.path("StopTimeout");
    JsonNode log = host.path("LogConfig");
    Map<String, String> opts = new LinkedHashMap<>();
    log.path("Config").fields().forEachRemaining(e -> opts.put(e.getKey(), e.getValue().asText()));
    List<String> from = new ArrayList<>();
    host.path("VolumesFrom").forEach(v -> from.add(v.asText()));
    Map<String, String> annotations = new LinkedHashMap<>();
    host.path("Annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
    return new Lifecycle(check, body.path("StopSignal").asText(""), timeout.isNumber() ? timeout.asInt() : null,
        log.path("Type").asText(""), opts, from, host.path("ContainerIDFile").asText(""), annotations);
  }

  /**
   * What the daemon refuses for lack of the feature, in Docker's words: another isolation, GPUs (a device
   * request), another runtime, a volume plugin, another platform ({@code ?platform=}).
   */
  static void refuse(JsonNode body, String platform, Engine engine) {
    JsonNode host = body.path("HostConfig");
    RunRefusals.isolation(host.path("Isolation").asText(""));
    RunRefusals.gpus(host.path("DeviceRequests").size() > 0);
    RunRefusals.runtime(host.path("Runtime").asText(""), engine.system().info().runtime());
    RunRefusals.volumeDriver(host.path("VolumeDriver").asText(""));
    if (platform != null && !platform.isEmpty()) {
      String image = body.path("Image").asText("");
      RunRefusals.platform(platform, image, engine.images().find(image) != null);
    }
  }
}
