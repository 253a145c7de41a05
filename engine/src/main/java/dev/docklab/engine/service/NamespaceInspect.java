package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker inspect} shows of a container's namespace modes, DNS, extra hosts, links, aliases, fixed
 * addresses and {@code --init}, in Docker's keys and with the values the daemon fills in for defaults.
 */
final class NamespaceInspect {
  /** The host's default {@code CgroupnsMode}, as Docker's: private on cgroup v2, host on v1. */
  private static final String CGROUPNS_DEFAULT =
      Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "private" : "host";

  private NamespaceInspect() {}

  /** HostConfig's keys of this group; {@link HostConfigOrder} puts them where Docker has them. */
  static void hostConfig(Container c, Map<String, Object> host) {
    Namespaces n = c.namespaces();
    host.put("CgroupnsMode", n.cgroupnsMode().isEmpty() ? CGROUPNS_DEFAULT : n.cgroupnsMode());
    host.put("Dns", n.dns());
    host.put("DnsOptions", n.dnsOptions());
    host.put("DnsSearch", n.dnsSearch());
    host.put("ExtraHosts", n.extraHosts().isEmpty() ? null : n.extraHosts());
    host.put("IpcMode", n.ipcMode().isEmpty() ? "private" : n.ipcMode());
    host.put("Links", n.links().isEmpty() ? null : links(c));
    host.put("PidMode", n.pidMode());
    host.put("UTSMode", n.utsMode());
    if (n.init()) {
      host.put("Init", true);
    }
  }

  /** {@code --link db:mydb} of container {@code web} as Docker lists it: {@code /db:/web/mydb}. */
  private static List<String> links(Container c) {
    List<String> out = new ArrayList<>();
    for (String l : c.namespaces().links()) {
      String[] parts = l.split(":");
      String target = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
      out.add("/" + target + ":/" + c.name() + "/" + (parts.length > 1 ? parts[1] : target));
    }
    return out;
  }

  /** The endpoint's {@code IPAMConfig}: the addresses asked for, or null. */
  static Map<String, Object> ipamConfig(Container c) {
    Namespaces n = c.namespaces();
    if (n.ipv4Address().isEmpty() && n.ipv6Address().isEmpty() && n.linkLocalIps().isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (!n.ipv4Address().isEmpty()) {
      m.put("IPv4Address", n.ipv4Address());
    }
    if (!n.ipv6Address().isEmpty()) {
      m.put("IPv6Address", n.ipv6Address());
    }
    if (!n.linkLocalIps().isEmpty()) {
      m.put("LinkLocalIPs", n.linkLocalIps());
    }
    return m;
  }

  /** The endpoint's {@code Aliases}: those given, or null. */
  static List<String> aliases(Container c) {
    return c.namespaces().aliases().isEmpty() ? null : c.namespaces().aliases();
  }

  /** The endpoint's {@code DNSNames} on a user network: its name, short id and aliases; null elsewhere. */
  static List<String> dnsNames(Container c, boolean userNetwork) {
    if (!userNetwork) {
      return null;
    }
    List<String> names = new ArrayList<>(List.of(c.name(), c.shortId()));
    names.addAll(c.namespaces().aliases());
    return names;
  }
}
