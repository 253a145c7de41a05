package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One published port: {@code hostIp:hostPort} on the host forwarded to {@code containerPort/proto}
 * in the container. A host port of 0 asks for one from the ephemeral range ({@code -p 80}, {@code -P}).
 *
 * @param hostIp the host address to publish on; empty for every address (Docker's {@code 0.0.0.0})
 * @param hostPort the host port, or 0 for a random one
 * @param containerPort the port inside the container
 * @param proto {@code tcp} or {@code udp}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortMapping(String hostIp, int hostPort, int containerPort, String proto) {
  public PortMapping {
    hostIp = hostIp == null ? "" : hostIp;
    proto = proto == null || proto.isEmpty() ? "tcp" : proto;
  }

  /** Docker's key for the container side, e.g. {@code 80/tcp}. */
  @JsonIgnore
  public String port() {
    return containerPort + "/" + proto;
  }

  /** The host address as Docker shows it: {@code 0.0.0.0} when published on every address. */
  @JsonIgnore
  public String shownHostIp() {
    return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
  }

  /** This mapping with the host port that was allocated for it. */
  public PortMapping withHostPort(int port) {
    return new PortMapping(hostIp, port, containerPort, proto);
  }

  /** As {@code docker ps} shows it: {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return shownHostIp() + ":" + hostPort + "->" + port();
  }
}
