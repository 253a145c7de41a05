package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A running container's place on a network, recorded with the container so that it can be shown
 * ({@code docker inspect}, {@code docker port}, {@code ps}) and taken down again, even by a later
 * docklab.
 *
 * @param network Docker's name of the network: bridge, host or none
 * @param sandboxKey the network namespace's path on the host (empty for host)
 * @param ipAddress the container's IPv4 address on the bridge (empty off it)
 * @param prefixLen the subnet's prefix length
 * @param gateway the bridge's address, the container's default route
 * @param macAddress eth0's MAC address
 * @param hostVeth the host end of the veth pair, plugged into the bridge
 * @param ports the published ports, with the host ports they got
 * @param cniResult the bridge plugin's result, handed back to the plugins when the container leaves
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Endpoint(String network, String sandboxKey, String ipAddress, int prefixLen, String gateway,
    String macAddress, String hostVeth, List<PortMapping> ports, String cniResult) {
  public Endpoint {
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** A container on the host's network or alone in its own namespace: nothing to take down. */
  public static Endpoint plain(String network, String sandboxKey) {
    return new Endpoint(network, sandboxKey, "", 0, "", "", "", List.of(), null);
  }
}
