package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Namespaces;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code POST /containers/create}'s namespace modes, DNS, extra hosts, links, the endpoint's aliases and addresses
 * and {@code Init}, read into the engine's {@link Namespaces}.
 */
final class HostNamespaces {
  private HostNamespaces() {}

  /**
   * From the create body and its {@code HostConfig}; the network's aliases, fixed addresses and MAC address from
   * {@code NetworkingConfig.EndpointsConfig} (the MAC address from {@code Config.MacAddress} before API 1.44).
   */
  static Namespaces read(JsonNode body, JsonNode host) {
    JsonNode endpoint = endpoint(body);
    JsonNode ipam = endpoint.path("IPAMConfig");
    String mac = endpoint.path("MacAddress").asText("");
    if (mac.isEmpty()) {
      mac = body.path("MacAddress").asText("");
    }
    return new Namespaces(host.path("PidMode").asText(""), host.path("IpcMode").asText(""),
        host.path("UTSMode").asText(""), host.path("CgroupnsMode").asText(""), CreateRequest.strings(host.get("Dns")),
        CreateRequest.strings(host.get("DnsSearch")), CreateRequest.strings(host.get("DnsOptions")),
        CreateRequest.strings(host.get("ExtraHosts")), CreateRequest.strings(endpoint.get("Aliases")),
        ipam.path("IPv4Address").asText(""), mac, body.path("Domainname").asText(""),
        host.path("Init").asBoolean(false), ipam.path("IPv6Address").asText(""),
        CreateRequest.strings(host.get("Links")), CreateRequest.strings(ipam.get("LinkLocalIPs")));
  }

  /** The one network endpoint the create asks for (the docker client sends the {@code --network}'s). */
  private static JsonNode endpoint(JsonNode body) {
    Iterator<Map.Entry<String, JsonNode>> it = body.path("NetworkingConfig").path("EndpointsConfig").fields();
    return it.hasNext() ? it.next().getValue() : body.path("NetworkingConfig").path("EndpointsConfig");
  }
}
