package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.VolumeSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/create}'s body, read into the engine's {@link RunRequest}. */
final class CreateRequest {
  private CreateRequest() {}

  static RunRequest read(JsonNode body, String name) {
    if (!body.isObject()) {
      throw ApiError.badRequest("config cannot be empty in order to create a container");
    }
    String image = body.path("Image").asText("");
    if (image.isEmpty()) {
      throw ApiError.badRequest("no command specified");
    }
    JsonNode host = body.path("HostConfig");
    List<String> command = strings(body.get("Cmd"));
    List<VolumeSpec> volumes = new ArrayList<>();
    for (String bind : strings(host.get("Binds"))) {
      volumes.add(VolumeSpec.parseV(bind));
    }
    for (JsonNode m : host.path("Mounts")) {
      if (m.path("Type").asText("").equals("tmpfs")) {
        continue; // HostHardening's: a tmpfs mount is the container's Tmpfs
      }
      StringBuilder spec = new StringBuilder("type=").append(m.path("Type").asText("volume"));
      if (!m.path("Source").asText("").isEmpty()) {
        spec.append(",src=").append(m.path("Source").asText());
      }
      spec.append(",dst=").append(m.path("Target").asText());
      if (m.path("ReadOnly").asBoolean(false)) {
        spec.append(",readonly");
      }
      volumes.add(VolumeSpec.parseMount(spec.toString()));
    }
    for (Iterator<String> it = body.path("Volumes").fieldNames(); it.hasNext(); ) {
      volumes.add(VolumeSpec.parseV(it.next()));
    }
    JsonNode policy = host.path("RestartPolicy");
    String policyName = policy.path("Name").asText("");
    RestartPolicy restart = policyName.isEmpty() ? RestartPolicy.NO
        : new RestartPolicy(policyName, policy.path("MaximumRetryCount").asInt(0));
    return new RunRequest(image, name == null || name.isEmpty() ? null : name, command, strings(body.get("Env")),
        host.path("Memory").asLong(0), host.path("PidsLimit").asLong(0),
        host.path("AutoRemove").asBoolean(false), body.path("Tty").asBoolean(false),
        body.path("OpenStdin").asBoolean(false), restart, volumes, network(body, host), labels(body.path("Labels")),
        strings(host.get("SecurityOpt"))).withProcess(process(body))
        .withResources(HostResources.read(body, host))
        .withHardening(HostHardening.read(body, host))
        .withNamespaces(HostNamespaces.read(body, host))
        .withLifecycle(HostLifecycle.read(body, host));
  }

  /**
   * {@code WorkingDir}, {@code Entrypoint}, {@code User} and {@code Hostname}; an empty string is not given, and
   * an {@code Entrypoint} of {@code [""]} (the client's {@code --entrypoint ""}) clears the image's.
   */
  private static RunRequest.Process process(JsonNode body) {
    JsonNode node = body.get("Entrypoint");
    List<String> entrypoint = node == null || node.isNull() ? null : strings(node);
    if (entrypoint != null && entrypoint.size() == 1 && entrypoint.get(0).isEmpty()) {
      entrypoint = List.of();
    }
    return new RunRequest.Process(body.path("WorkingDir").asText(""), entrypoint, body.path("User").asText(""),
        body.path("Hostname").asText(""));
  }

  private static RunRequest.Network network(JsonNode body, JsonNode host) {
    String mode = host.path("NetworkMode").asText("");
    if (mode.isEmpty() || mode.equals("default")) {
      mode = "bridge";
    }
    NetworkMode kind = NetworkMode.parse(mode);
    List<PortMapping> publish = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = host.path("PortBindings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String[] port = e.getKey().split("/");
      int containerPort = Integer.parseInt(port[0]);
      String proto = port.length > 1 ? port[1] : "tcp";
      for (JsonNode b : e.getValue()) {
        String hostPort = b.path("HostPort").asText("");
        publish.add(new PortMapping(b.path("HostIp").asText(""), hostPort.isEmpty() ? 0 : Integer.parseInt(hostPort),
            containerPort, proto));
      }
    }
    List<String> expose = new ArrayList<>();
    body.path("ExposedPorts").fieldNames().forEachRemaining(expose::add);
    String target = kind == NetworkMode.CONTAINER ? NetworkMode.containerTarget(mode)
        : kind == NetworkMode.USER ? mode : null;
    return new RunRequest.Network(kind, publish, host.path("PublishAllPorts").asBoolean(false), expose, target);
  }

  private static Map<String, String> labels(JsonNode labels) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    n.forEach(e -> out.add(e.asText()));
    return out;
  }
}
