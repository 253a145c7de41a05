package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.IpAddress;
import dev.docklab.engine.api.Namespaces;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code docker run}'s flags for namespace modes, DNS, extra hosts, aliases and {@code --init}. */
final class NamespaceFlags {
  /** The docker client's rule for a DNS search domain ({@code opts.ValidateDNSSearch}). */
  private static final Pattern DOMAIN = Pattern.compile(
      "^(:?(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9]))(:?\\.(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*"
          + "[a-zA-Z0-9])))*)\\.?\\s*$");
  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");

  private NamespaceFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of(
        Option.value("pid", '\0', "string", "opt.run.pid"),
        Option.value("ipc", '\0', "string", "opt.run.ipc"),
        Option.value("uts", '\0', "string", "opt.run.uts"),
        Option.value("cgroupns", '\0', "string", "opt.run.cgroupns"),
        Option.value("dns", '\0', "list", "opt.run.dns"),
        Option.value("dns-search", '\0', "list", "opt.run.dns-search"),
        Option.value("dns-option", '\0', "list", "opt.run.dns-option"),
        Option.value("add-host", '\0', "list", "opt.run.add-host"),
        Option.value("network-alias", '\0', "list", "opt.run.network-alias"),
        Option.value("ip", '\0', "string", "opt.run.ip"),
        Option.value("ip6", '\0', "string", "opt.run.ip6"),
        Option.value("mac-address", '\0', "string", "opt.run.mac-address"),
        Option.value("link", '\0', "list", "opt.run.link"),
        Option.value("link-local-ip", '\0', "list", "opt.run.link-local-ip"),
        Option.value("domainname", '\0', "string", "opt.run.domainname"),
        Option.bool("init", '\0', "opt.run.init"));
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Namespaces read(Args args, Session s) {
    String pid = mode(args, "pid", "--pid: invalid PID mode");
    String ipc = args.value("ipc", "");
    String uts = mode(args, "uts", "--uts: invalid UTS mode");
    String cgroupns = mode(args, "cgroupns", "--cgroupns: invalid CGROUP mode");
    List<String> dns = new ArrayList<>();
    for (String d : args.values("dns")) {
      dns.add(ipAddress(d, "dns"));
    }
    List<String> search = new ArrayList<>();
    for (String d : args.values("dns-search")) {
      search.add(dnsSearch(d));
    }
    List<String> hosts = new ArrayList<>();
    for (String h : args.values("add-host")) {
      hosts.add(extraHost(h));
    }
    List<String> links = new ArrayList<>();
    for (String l : args.values("link")) {
      links.add(link(l));
    }
    String mac = args.value("mac-address", "");
    if (!mac.isEmpty() && !MAC.matcher(mac.strip()).matches()) {
      throw EngineException.invalid(mac + " is not a valid mac address");
    }
    return new Namespaces(pid, ipc, uts, cgroupns, dns, search, args.values("dns-option"), hosts,
        args.values("network-alias"), args.value("ip", ""), mac.strip(), args.value("domainname", ""),
        args.has("init"), args.value("ip6", ""), links, args.values("link-local-ip"));
  }

  private static String mode(Args args, String kind, String error) {
    String mode = args.value(kind, "");
    if (!Namespaces.valid(kind, mode)) {
      throw EngineException.invalid(error);
    }
    return mode;
  }

  private static String invalid(String value, String flag, String why) {
    throw EngineException.invalid("invalid argument \"" + value + "\" for \"--" + flag + "\" flag: " + why);
  }

  /** {@code opts.ValidateIPAddress}: an IPv4 or IPv6 address, as the client normalises it. */
  static String ipAddress(String value, String flag) {
    InetAddress a = IpAddress.parse(value.strip());
    if (a == null) {
      return invalid(value, flag, "IP address is not correctly formatted: " + value);
    }
    return canonical(a.getHostAddress());
  }

  /** An address as Go prints it: an IPv6 one with its longest run of zero groups as {@code ::}. */
  private static String canonical(String address) {
    if (!address.contains(":")) {
      return address;
    }
    String[] g = address.split(":");
    int best = -1;
    int bestLen = 1;
    for (int i = 0; i < g.length; i++) {
      int j = i;
      while (j < g.length && g[j].equals("0")) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
    }
    if (best < 0) {
      return address;
    }
    String head = String.join(":", List.of(g).subList(0, best));
    String tail = String.join(":", List.of(g).subList(best + bestLen, g.length));
    return head + "::" + tail;
  }

  /** {@code opts.ValidateDNSSearch}: a domain, or {@code .} for none. */
  static String dnsSearch(String value) {
    String ns = value.strip();
    if (ns.equals(".")) {
      return ns;
    }
    String d = ns.endsWith(".") ? ns.substring(0, ns.length() - 1) : ns;
    if (!DOMAIN.matcher(d).matches() || d.length() > 255) {
      return invalid(value, "dns-search", d + " is not a valid domain");
    }
    return value;
  }

  /** {@code opts.ValidateExtraHost}: {@code HOST:IP} or {@code HOST=IP}; the IP may be {@code host-gateway}. */
  static String extraHost(String value) {
    int cut = value.indexOf('=');
    cut = cut < 0 ? value.indexOf(':') : cut;
    if (cut <= 0) {
      return invalid(value, "add-host", "bad format for add-host: \"" + value + "\"");
    }
    String ip = value.substring(cut + 1);
    if (!ip.equals("host-gateway")) {
      String bare = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
      try {
        ipAddress(bare, "add-host");
      } catch (EngineException e) {
        return invalid(value, "add-host", "invalid IP address in add-host: \"" + bare + "\"");
      }
    }
    return value;
  }

  /** {@code opts.ValidateLink}: {@code NAME} or {@code NAME:ALIAS}. */
  static String link(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length > 2 || parts[0].isEmpty() || parts.length == 2 && parts[1].isEmpty()) {
      return invalid(value, "link", "bad format for links: " + value);
    }
    return value;
  }
}
