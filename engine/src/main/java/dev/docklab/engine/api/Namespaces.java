package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Which namespaces a container shares and how its network identity looks beyond {@code --network} and
 * {@code -p}: pid/ipc/uts/cgroup namespace modes, DNS, extra hosts, aliases, a fixed address, the domain name
 * and {@code --init}.
 *
 * @param pidMode {@code --pid}: "" (its own), {@code host} or {@code container:NAME}
 * @param ipcMode {@code --ipc}: "" (Docker's {@code private}), {@code private}, {@code host}, {@code shareable},
 *     {@code container:NAME}, {@code none}
 * @param utsMode {@code --uts}: "" or {@code host}
 * @param cgroupnsMode {@code --cgroupns}: "" (the host's default), {@code host} or {@code private}
 * @param dns {@code --dns}
 * @param dnsSearch {@code --dns-search}
 * @param dnsOptions {@code --dns-option}
 * @param extraHosts {@code --add-host HOST:IP}, as given
 * @param aliases {@code --network-alias}
 * @param ipv4Address {@code --ip}, or ""
 * @param macAddress {@code --mac-address}, or ""
 * @param domainname {@code --domainname}, or ""
 * @param init {@code --init}: an init process as PID 1 that reaps zombies and forwards signals
 * @param ipv6Address {@code --ip6}, or ""
 * @param links {@code --link NAME[:ALIAS]}, as given
 * @param linkLocalIps {@code --link-local-ip}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Namespaces(String pidMode, String ipcMode, String utsMode, String cgroupnsMode, List<String> dns,
    List<String> dnsSearch, List<String> dnsOptions, List<String> extraHosts, List<String> aliases,
    String ipv4Address, String macAddress, String domainname, boolean init, String ipv6Address, List<String> links,
    List<String> linkLocalIps) {
  /** Namespaces of its own, the engine's DNS, no extras. */
  public static final Namespaces NONE = new Namespaces(null, null, null, null, null, null, null, null, null, null,
      null, null, false, null, null, null);

  public Namespaces {
    pidMode = pidMode == null ? "" : pidMode;
    ipcMode = ipcMode == null ? "" : ipcMode;
    utsMode = utsMode == null ? "" : utsMode;
    cgroupnsMode = cgroupnsMode == null ? "" : cgroupnsMode;
    dns = dns == null ? List.of() : List.copyOf(dns);
    dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
    dnsOptions = dnsOptions == null ? List.of() : List.copyOf(dnsOptions);
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ipv4Address = ipv4Address == null ? "" : ipv4Address;
    macAddress = macAddress == null ? "" : macAddress;
    domainname = domainname == null ? "" : domainname;
    ipv6Address = ipv6Address == null ? "" : ipv6Address;
    links = links == null ? List.of() : List.copyOf(links);
    linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
  }

  /** The container a {@code container:NAME} mode names, or null for any other mode. */
  public static String target(String mode) {
    return mode != null && mode.startsWith("container:") ? mode.substring(10) : null;
  }

  /**
   * Whether a mode is one Docker accepts for {@code kind} ({@code pid}, {@code ipc}, {@code uts},
   * {@code cgroupns}): as the docker client's {@code PidMode.Valid()} and its siblings.
   */
  public static boolean valid(String kind, String mode) {
    if (mode == null || mode.isEmpty()) {
      return true;
    }
    String target = target(mode);
    return switch (kind) {
      case "pid" -> mode.equals("host") || target != null && !target.isEmpty();
      case "ipc" -> List.of("private", "host", "shareable", "none").contains(mode)
          || target != null && !target.isEmpty();
      case "uts" -> mode.equals("host");
      case "cgroupns" -> mode.equals("host") || mode.equals("private");
      default -> false;
    };
  }
}
