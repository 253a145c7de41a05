package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.IpAddress;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.Namespaces;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.network.Subnet;
import dev.docklab.engine.runtime.BundleSpec;
import dev.docklab.engine.store.ContainerFiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The namespaces a container shares with others or with the host, and its identity on its network: checked as
 * Docker's daemon checks them when the container is made, and resolved when it starts ({@code container:NAME}
 * to that container's namespace files, {@code /dev/shm} to the directory the two share, links to addresses).
 */
final class ContainerNamespaces {
  /** How a namespace already made is named in the {@link Namespaces} a spec is built from: {@code ns:PATH}. */
  static final String JOIN = "ns:";
  private final ContainerStore store;

  ContainerNamespaces(ContainerStore store) {
    this.store = store;
  }

  /**
   * Docker's refusals at create: a mode it does not know, options that conflict with the network mode or the
   * UTS mode, fixed addresses and aliases off a user-defined network or outside its subnet, links to no
   * container.
   */
  void check(Namespaces ns, NetworkMode mode, String networkName, Subnet subnet, boolean hostname) {
    for (String[] k : new String[][] {{"pid", ns.pidMode(), "invalid PID mode: "},
        {"ipc", ns.ipcMode(), "invalid IPC mode: "}, {"uts", ns.utsMode(), "invalid UTS mode: "},
        {"cgroupns", ns.cgroupnsMode(), "invalid cgroup namespace mode: "}}) {
      if (!Namespaces.valid(k[0], k[1])) {
        throw EngineException.invalid(k[2] + k[1]);
      }
    }
    if (hostname && ns.utsMode().equals("host")) {
      throw EngineException.invalid("conflicting options: hostname and the UTS mode");
    }
    if (mode == NetworkMode.CONTAINER) {
      if (!ns.dns().isEmpty()) {
        throw EngineException.invalid("conflicting options: dns and the network mode");
      }
      if (!ns.extraHosts().isEmpty()) {
        throw EngineException.invalid("conflicting options: custom host-to-IP mapping and the network mode");
      }
      if (!ns.links().isEmpty()) {
        throw EngineException.invalid("conflicting options: container type network can't be used with links. "
            + "This would result in undefined behavior");
      }
    }
    if ((mode == NetworkMode.CONTAINER || mode == NetworkMode.HOST) && !ns.macAddress().isEmpty()) {
      throw EngineException.invalid("conflicting options: mac-address and the network mode");
    }
    if (mode == NetworkMode.HOST && !ns.links().isEmpty()) {
      throw EngineException.invalid("conflicting options: host type networking can't be used with links. "
          + "This would result in undefined behavior");
    }
    endpoint(ns, mode, networkName, subnet);
    for (String link : ns.links()) {
      String target = link.split(":")[0];
      Container child;
      try {
        child = store.find(target);
      } catch (EngineException e) {
        throw EngineException.invalid("could not get container for " + target);
      }
      if (child.hostConfig().networkMode().equals("host")) {
        throw EngineException.invalid("conflicting options: host type networking can't be used with links. "
            + "This would result in undefined behavior");
      }
    }
  }

  /** Docker's {@code validateEndpointSettings}: each problem, joined on one line under the network's name. */
  private static void endpoint(Namespaces ns, NetworkMode mode, String networkName, Subnet subnet) {
    List<String> errs = new ArrayList<>();
    boolean user = mode == NetworkMode.USER;
    boolean fixed = !ns.ipv4Address().isEmpty() || !ns.ipv6Address().isEmpty() || !ns.linkLocalIps().isEmpty();
    if (!user && fixed) {
      errs.add("user specified IP address is supported on user defined networks only");
    }
    if (!user && !ns.aliases().isEmpty()) {
      errs.add("network-scoped alias is supported only for containers in user defined networks");
    }
    InetAddress v4 = parse(ns.ipv4Address());
    if (!ns.ipv4Address().isEmpty() && !(v4 instanceof Inet4Address && !v4.isAnyLocalAddress())) {
      errs.add("invalid IPv4 address: " + ns.ipv4Address());
    }
    InetAddress v6 = parse(ns.ipv6Address());
    if (!ns.ipv6Address().isEmpty() && !(v6 instanceof Inet6Address && !v6.isAnyLocalAddress())) {
      errs.add("invalid IPv6 address: " + ns.ipv6Address());
    }
    for (String ll : ns.linkLocalIps()) {
      InetAddress a = parse(ll);
      if (a == null || a.isAnyLocalAddress()) {
        errs.add("invalid link-local IP address: " + ll);
      }
    }
    if (user && errs.isEmpty()) {
      if (v4 instanceof Inet4Address && subnet != null && !subnet.contains(Subnet.address(ns.ipv4Address()))) {
        errs.add("no configured subnet or ip-range contain the IP address " + ns.ipv4Address());
      }
      if (!ns.ipv6Address().isEmpty()) {
        // docklab's networks have no IPv6 subnet
        errs.add("user specified IP address is supported only when connecting to networks with user configured "
            + "subnets");
      }
    }
    if (!errs.isEmpty()) {
      throw EngineException.invalid("invalid config for network " + networkName + ": invalid endpoint settings: "
          + String.join("; ", errs));
    }
  }

  private static InetAddress parse(String ip) {
    return ip.isEmpty() ? null : IpAddress.parse(ip);
  }

  /**
   * The container's modes with {@code container:NAME} resolved to {@code ns:/proc/PID/ns/KIND} of that running
   * container; Docker's refusals when it does not run, when its IPC is not shareable, or when a linked
   * container does not run.
   */
  Namespaces resolve(Container c) {
    Namespaces ns = c.namespaces();
    String pid = ns.pidMode();
    if (Namespaces.target(pid) != null) {
      Container donor = store.find(Namespaces.target(pid));
      if (!donor.state().running()) {
        throw EngineException.conflict("cannot join PID of a non running container: " + donor.id());
      }
      pid = JOIN + "/proc/" + donor.state().pid() + "/ns/pid";
    }
    String ipc = ns.ipcMode();
    if (Namespaces.target(ipc) != null) {
      Container donor = ipcDonor(c);
      ipc = JOIN + "/proc/" + donor.state().pid() + "/ns/ipc";
    }
    for (String link : ns.links()) {
      String[] parts = link.split(":");
      Container child = store.find(parts[0]);
      if (!child.state().running()) {
        throw EngineException.conflict("Cannot link to a non running container: /" + child.name() + " AS /"
            + c.name() + "/" + (parts.length > 1 ? parts[1] : child.name()));
      }
      if (c.hostConfig().networkMode().equals(BridgeNetwork.DOCKER_NAME)
          && !child.hostConfig().networkMode().equals(BridgeNetwork.DOCKER_NAME)) {
        throw EngineException.invalid("Cannot link to /" + child.name() + ", as it does not belong to the default "
            + "network");
      }
    }
    return new Namespaces(pid, ipc, ns.utsMode(), ns.cgroupnsMode(), ns.dns(), ns.dnsSearch(), ns.dnsOptions(),
        ns.extraHosts(), ns.aliases(), ns.ipv4Address(), ns.macAddress(), ns.domainname(), ns.init(),
        ns.ipv6Address(), ns.links(), ns.linkLocalIps());
  }

  private Container ipcDonor(Container c) {
    Container donor = store.find(Namespaces.target(c.namespaces().ipcMode()));
    if (!donor.state().running()) {
      throw EngineException.conflict("cannot join IPC of a non running container: " + donor.id());
    }
    if (!donor.namespaces().ipcMode().equals("shareable")) {
      throw EngineException.invalid("container " + donor.id() + ": non-shareable IPC (hint: use IpcMode:shareable "
          + "for the donor container)");
    }
    return donor;
  }

  /**
   * The container's /dev/shm when it is not a tmpfs of its own: a directory of its own that others may join
   * ({@code shareable}), its donor's ({@code container:NAME}) or the host's ({@code host}); none otherwise.
   */
  List<BundleSpec.Bind> shm(Container c, ContainerFiles files) {
    String ipc = c.namespaces().ipcMode();
    if (ipc.equals("host")) {
      return List.of(new BundleSpec.Bind(Path.of("/dev/shm"), "/dev/shm", false));
    }
    if (ipc.equals("shareable")) {
      try {
        if (!Files.isDirectory(files.shm())) {
          Files.createDirectories(files.shm());
          Files.setPosixFilePermissions(files.shm(), PosixFilePermissions.fromString("rwxrwxrwx"));
        }
      } catch (IOException e) {
        throw EngineException.system("mkdir " + files.shm() + ": " + e.getMessage(), e);
      }
      return List.of(new BundleSpec.Bind(files.shm(), "/dev/shm", false));
    }
    if (Namespaces.target(ipc) != null) {
      return List.of(new BundleSpec.Bind(store.files(ipcDonor(c).id()).shm(), "/dev/shm", false));
    }
    return List.of();
  }

  /**
   * The environment legacy links give, as Docker's {@code Link.ToEnv}: for {@code --link db:mydb},
   * {@code MYDB_NAME=/SELF/mydb}, {@code MYDB_PORT=tcp://IP:PORT} (its lowest exposed port), the
   * {@code MYDB_PORT_80_TCP*} variables of each exposed port, and {@code MYDB_ENV_KEY=value} of its environment.
   */
  List<String> linkEnv(Container c) {
    List<String> env = new ArrayList<>();
    for (String link : c.namespaces().links()) {
      String[] parts = link.split(":");
      Container child = running(parts[0]);
      if (child == null) {
        continue;
      }
      String name = parts.length > 1 ? parts[1] : child.name();
      String alias = name.toUpperCase(Locale.ROOT).replace('-', '_');
      String ip = child.network().ipAddress();
      List<String[]> ports = child.exposedPorts().stream().map(p -> p.split("/"))
          .sorted(Comparator.comparingInt((String[] p) -> Integer.parseInt(p[0])).thenComparing(p -> p[1])).toList();
      if (!ports.isEmpty()) {
        env.add(alias + "_PORT=" + ports.get(0)[1] + "://" + ip + ":" + ports.get(0)[0]);
      }
      for (String[] p : ports) {
        String key = alias + "_PORT_" + p[0] + "_" + p[1].toUpperCase(Locale.ROOT);
        env.add(key + "=" + p[1] + "://" + ip + ":" + p[0]);
        env.add(key + "_ADDR=" + ip);
        env.add(key + "_PORT=" + p[0]);
        env.add(key + "_PROTO=" + p[1]);
      }
      env.add(alias + "_NAME=/" + c.name() + "/" + name);
      for (String e : child.env()) {
        int eq = e.indexOf('=');
        String key = eq < 0 ? "" : e.substring(0, eq);
        // Docker leaves out HOME and PATH; HOSTNAME and TERM are the engine's, not the child's config
        if (eq > 0 && !List.of("HOME", "PATH", "HOSTNAME", "TERM").contains(key)) {
          env.add(alias + "_ENV_" + key + "=" + e.substring(eq + 1));
        }
      }
    }
    return env;
  }

  /** The running container a link names, with an address; or null. */
  private Container running(String target) {
    String key = target.startsWith("/") ? target.substring(1) : target;
    Container child = store.byName(key);
    child = child != null ? child : store.list().stream().filter(x -> x.id().startsWith(key)).findFirst()
        .orElse(null);
    return child == null || !child.state().running() || child.network() == null
        || child.network().ipAddress().isEmpty() ? null : child;
  }

  /**
   * The /etc/hosts lines of {@code --add-host} ({@code host-gateway} as {@code gateway}) and of legacy links to
   * running containers ({@code IP\tALIAS HOSTNAME NAME}), in Docker's order.
   */
  List<String> hostsLines(Container c, String gateway) {
    List<String> lines = new ArrayList<>();
    for (String h : c.namespaces().extraHosts()) {
      lines.add(EtcFiles.extraHost(h, gateway));
    }
    for (String link : c.namespaces().links()) {
      String[] parts = link.split(":");
      Container child = running(parts[0]);
      if (child == null) {
        continue;
      }
      String alias = parts.length > 1 ? parts[1] : child.name();
      String childHost = child.hostname() != null ? child.hostname() : child.shortId();
      lines.add(child.network().ipAddress() + "\t" + alias + " " + childHost
          + (alias.equals(child.name()) ? "" : " " + child.name()));
    }
    return lines;
  }
}
