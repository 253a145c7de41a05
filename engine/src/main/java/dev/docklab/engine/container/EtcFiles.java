package dev.docklab.engine.container;

import dev.docklab.engine.api.Namespaces;
import java.util.ArrayList;
import java.util.List;

/** The /etc/hosts and /etc/resolv.conf a container gets, as Docker writes them. */
final class EtcFiles {
  private EtcFiles() {}

  /** Docker's /etc/hosts: localhost, the IPv6 names, and the container's own name at its address. */
  static String hosts(String hostname, String ip) {
    return hosts(hostname, "", ip, List.of());
  }

  /**
   * Docker's /etc/hosts with the extra lines ({@code --add-host}, then legacy links, each {@code IP\tNAMES})
   * before the container's own line, which names it {@code HOST.DOMAIN HOST} when it has a domain name.
   */
  static String hosts(String hostname, String domainname, String ip, List<String> extras) {
    StringBuilder b = new StringBuilder();
    b.append("127.0.0.1\tlocalhost\n");
    b.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
    b.append("fe00::0\tip6-localnet\n");
    b.append("ff00::0\tip6-mcastprefix\n");
    b.append("ff02::1\tip6-allnodes\n");
    b.append("ff02::2\tip6-allrouters\n");
    extras.forEach(e -> b.append(e).append('\n'));
    if (ip != null && !ip.isEmpty()) {
      b.append(ip).append('\t');
      if (!domainname.isEmpty()) {
        b.append(hostname).append('.').append(domainname).append(' ');
      }
      b.append(hostname).append('\n');
    }
    return b.toString();
  }

  /**
   * An {@code --add-host HOST:IP} (or {@code HOST=IP}) as its /etc/hosts line, {@code IP\tHOST};
   * {@code host-gateway} is {@code gateway}, the default bridge's address on the host.
   */
  static String extraHost(String given, String gateway) {
    int cut = given.indexOf('=');
    cut = cut < 0 ? given.indexOf(':') : cut;
    String ip = given.substring(cut + 1);
    ip = ip.equals("host-gateway") ? gateway : ip;
    if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    return ip + "\t" + given.substring(0, cut);
  }

  /**
   * The host's resolv.conf as a container on a bridge can use it: nameservers on the host's loopback
   * cannot be reached from the container's own namespace, so they go; when none is left, Docker's
   * fallback (Google's public DNS) is used.
   */
  static String resolvConf(String host) {
    List<String> lines = new ArrayList<>();
    boolean nameserver = false;
    for (String line : host.split("\n")) {
      String t = line.strip();
      if (t.startsWith("nameserver")) {
        String[] f = t.split("\\s+");
        if (f.length < 2 || f[1].startsWith("127.") || f[1].equals("::1")) {
          continue;
        }
        nameserver = true;
      }
      if (!t.isEmpty()) {
        lines.add(t);
      }
    }
    if (!nameserver) {
      lines.add("nameserver 8.8.8.8");
      lines.add("nameserver 8.8.4.4");
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * The resolv.conf of a container with {@code --dns}, {@code --dns-search} or {@code --dns-option}: each one
   * given replaces the host's lines of its kind ({@code nameserver}, {@code search}, {@code options}), as
   * Docker does; a search of {@code .} means none. {@code base} is what the container would have without them.
   */
  static String resolvConf(String base, Namespaces ns) {
    if (ns.dns().isEmpty() && ns.dnsSearch().isEmpty() && ns.dnsOptions().isEmpty()) {
      return base;
    }
    List<String> nameservers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> options = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String line : base.split("\n")) {
      String t = line.strip();
      if (t.startsWith("nameserver")) {
        nameservers.add(t);
      } else if (t.startsWith("search") || t.startsWith("domain")) {
        search.add(t);
      } else if (t.startsWith("options")) {
        options.add(t);
      } else if (!t.isEmpty()) {
        other.add(t);
      }
    }
    if (!ns.dns().isEmpty()) {
      nameservers = ns.dns().stream().map(d -> "nameserver " + d).toList();
    }
    if (!ns.dnsSearch().isEmpty()) {
      search = ns.dnsSearch().equals(List.of(".")) ? List.of() : List.of("search " + String.join(" ", ns.dnsSearch()));
    }
    if (!ns.dnsOptions().isEmpty()) {
      options = List.of("options " + String.join(" ", ns.dnsOptions()));
    }
    List<String> lines = new ArrayList<>(other);
    lines.addAll(nameservers);
    lines.addAll(search);
    lines.addAll(options);
    return String.join("\n", lines) + "\n";
  }
}
