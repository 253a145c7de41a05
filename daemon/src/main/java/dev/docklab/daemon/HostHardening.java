package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Hardening;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/create}'s capabilities, {@code Privileged}, the root's mounts, ulimits, sysctls and devices, read into the engine's {@link Hardening}. */
final class HostHardening {
  private HostHardening() {}

  /** From the create body and its {@code HostConfig}. */
  static Hardening read(JsonNode body, JsonNode host) {
    List<Hardening.Ulimit> ulimits = new ArrayList<>();
    for (JsonNode u : host.path("Ulimits")) {
      ulimits.add(new Hardening.Ulimit(u.path("Name").asText(), u.path("Soft").asLong(), u.path("Hard").asLong()));
    }
    List<Hardening.Device> devices = new ArrayList<>();
    for (JsonNode d : host.path("Devices")) {
      String onHost = d.path("PathOnHost").asText("");
      String inside = d.path("PathInContainer").asText("");
      String perms = d.path("CgroupPermissions").asText("");
      devices.add(new Hardening.Device(onHost, inside.isEmpty() ? onHost : inside, perms.isEmpty() ? "rwm" : perms));
    }
    return new Hardening(host.path("Privileged").asBoolean(false), CreateRequest.strings(host.get("CapAdd")),
        CreateRequest.strings(host.get("CapDrop")), host.path("ReadonlyRootfs").asBoolean(false),
        tmpfs(host), host.path("ShmSize").asLong(0), ulimits, map(host.path("Sysctls")), devices,
        CreateRequest.strings(host.get("DeviceCgroupRules")), CreateRequest.strings(host.get("GroupAdd")),
        paths(host.get("MaskedPaths")), paths(host.get("ReadonlyPaths")), host.path("UsernsMode").asText(""),
        map(host.path("StorageOpt")));
  }

  /** {@code Tmpfs}, and the {@code Mounts} of type tmpfs ({@code --mount type=tmpfs}) as the same mounts. */
  private static Map<String, String> tmpfs(JsonNode host) {
    Map<String, String> out = map(host.path("Tmpfs"));
    for (JsonNode m : host.path("Mounts")) {
      if (m.path("Type").asText("").equals("tmpfs")) {
        List<String> options = new ArrayList<>();
        JsonNode t = m.path("TmpfsOptions");
        if (t.path("SizeBytes").asLong(0) > 0) {
          options.add("size=" + t.path("SizeBytes").asLong());
        }
        if (t.path("Mode").asInt(0) > 0) {
          options.add("mode=" + Integer.toOctalString(t.path("Mode").asInt()));
        }
        if (m.path("ReadOnly").asBoolean(false)) {
          options.add("ro");
        }
        out.put(m.path("Target").asText(), String.join(",", options));
      }
    }
    return out;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** Null (Docker's defaults) when the client sent none; an empty list for {@code systempaths=unconfined}. */
  private static List<String> paths(JsonNode list) {
    return list == null || list.isNull() ? null : CreateRequest.strings(list);
  }
}
