package dev.docklab.engine.network;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.PortMapping;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses host ports for a container's published ports, as Docker's port allocator: a port named by
 * the learner must be free, a port left to docklab ({@code -p 80}, {@code -P}) comes from the
 * kernel's ephemeral range. Free means no container publishes it, from this data root or any other
 * (see {@link #publishedOnHost}), and no host program listens on it.
 */
public final class HostPorts {
  /** The nat chain where portmap sends every published port of the host, whichever CNI runtime made it. */
  static final String PORTMAP_CHAIN = "CNI-HOSTPORT-DNAT";

  private HostPorts() {}

  /**
   * {@code proto:port} of each port published on this host, by any data root of docklab (or any other
   * CNI runtime), except {@code containerId}'s own: host ports are the host's, and the kernel's DNAT
   * rules are the one record that every data root shares. Read under {@link HostLock}, and keep it
   * until the new rules are in.
   */
  public static Set<String> publishedOnHost(String containerId) {
    HostCommands.Result r = HostCommands.run(List.of("iptables", "-w", "-t", "nat", "-S", PORTMAP_CHAIN));
    return r.code() == 0 ? portmapPorts(r.output(), containerId) : Set.of(); // no chain: nothing published yet
  }

  /**
   * The ports of portmap's rules, as {@code iptables -S CNI-HOSTPORT-DNAT} prints them: {@code -A
   * CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \"docklab\" id: \"ID\"" -m multiport
   * --dports 8080,8443 -j CNI-DN-...}; the rules of container {@code exceptId} are left out.
   */
  static Set<String> portmapPorts(String rules, String exceptId) {
    Set<String> out = new HashSet<>();
    for (String line : rules.split("\n")) {
      if (!line.startsWith("-A ") || line.contains("id: \\\"" + exceptId + "\\\"")) {
        continue;
      }
      List<String> words = List.of(line.trim().split("\\s+"));
      int proto = words.indexOf("-p");
      int ports = Math.max(words.indexOf("--dports"), words.indexOf("--dport"));
      if (proto < 0 || ports < 0 || ports + 1 >= words.size()) {
        continue;
      }
      for (String item : words.get(ports + 1).split(",")) {
        String[] range = item.split(":");
        try {
          int first = Integer.parseInt(range[0]);
          int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
          for (int port = first; port <= last && port <= 65535; port++) {
            out.add(words.get(proto + 1) + ":" + port);
          }
        } catch (NumberFormatException e) {
          // not a port: not one of portmap's rules
        }
      }
    }
    return out;
  }

  /** {@code proto:port} of a mapping, the key of {@code taken}. */
  public static String key(PortMapping p) {
    return p.proto() + ":" + p.hostPort();
  }

  /** The kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}), Docker's pool for random ports. */
  public static int[] ephemeralRange() {
    try {
      String[] f = String.join(" ", Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))).trim().split("\\s+");
      return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {32768, 60999};
    }
  }

  /**
   * The host ports for {@code requested}: fixed ones checked, zeros filled from the ephemeral range.
   * {@code taken} holds the ports other containers publish; {@code endpoint} names the container in
   * Docker's message when a port is already allocated.
   */
  public static List<PortMapping> allocate(List<PortMapping> requested, Set<String> taken, String endpoint) {
    Set<String> used = new HashSet<>(taken);
    List<PortMapping> out = new ArrayList<>();
    int[] range = ephemeralRange();
    for (PortMapping p : requested) {
      if (p.hostPort() != 0) {
        if (used.contains(key(p)) || !bindable(p)) {
          throw EngineException.conflict("driver failed programming external connectivity on endpoint " + endpoint
              + ": Bind for " + p.shownHostIp() + ":" + p.hostPort() + " failed: port is already allocated");
        }
        used.add(key(p));
        out.add(p);
        continue;
      }
      PortMapping chosen = null;
      for (int port = range[0]; port <= range[1] && chosen == null; port++) {
        PortMapping candidate = p.withHostPort(port);
        if (!used.contains(key(candidate)) && bindable(candidate)) {
          chosen = candidate;
        }
      }
      if (chosen == null) {
        throw EngineException.conflict("Bind for " + p.shownHostIp() + ":0 failed: all ports from " + range[0]
            + " to " + range[1] + " are allocated");
      }
      used.add(key(chosen));
      out.add(chosen);
    }
    return out;
  }

  /** Whether a host program could bind this port now (so none listens there). */
  static boolean bindable(PortMapping p) {
    try {
      InetAddress addr = p.hostIp().isEmpty() ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(p.hostIp());
      InetSocketAddress at = new InetSocketAddress(addr, p.hostPort());
      if (p.proto().equals("udp")) {
        try (DatagramSocket s = new DatagramSocket(null)) {
          s.bind(at);
        }
      } else {
        try (ServerSocket s = new ServerSocket()) {
          s.setReuseAddress(true);
          s.bind(at);
        }
      }
      return true;
    } catch (BindException e) {
      if (String.valueOf(e.getMessage()).contains("assign requested address")) {
        throw EngineException.invalid("Error starting userland proxy: listen " + p.proto() + "4 " + p.hostIp() + ":"
            + p.hostPort() + ": bind: cannot assign requested address (" + p.hostIp() + " is not an address of this"
            + " host)");
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
