package dev.docklab.engine.container;

import java.util.ArrayList;
import java.util.List;

/** The /etc/hosts and /etc/resolv.conf a container gets, as Docker writes them. */
final class EtcFiles {
  private EtcFiles() {}

  /** Docker's /etc/hosts: localhost, the IPv6 names, and the container's own name at its address. */
  static String hosts(String hostname, String ip) {
    StringBuilder b = new StringBuilder();
    b.append("127.0.0.1\tlocalhost\n");
    b.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
    b.append("fe00::0\tip6-localnet\n");
    b.append("ff00::0\tip6-mcastprefix\n");
    b.append("ff02::1\tip6-allnodes\n");
    b.append("ff02::2\tip6-allrouters\n");
    if (ip != null && !ip.isEmpty()) {
      b.append(ip).append('\t').append(hostname).append('\n');
    }
    return b.toString();
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
}
