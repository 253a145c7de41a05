package dev.docklab.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.PortMapping;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * docklab's bridge network, Docker's {@code bridge}: a Linux bridge {@code docklab0} with its own
 * subnet, each container in a network namespace of its own with {@code lo} and an {@code eth0} whose
 * veth peer is plugged into the bridge; published ports are DNAT rules. The CNI plugins do the work
 * (loopback; bridge with host-local addresses; portmap), so what a learner sees with {@code ip} and
 * {@code iptables} is what any CNI runtime makes.
 */
public final class BridgeNetwork {
  /** Docker's name of this network, as {@code docker inspect} and {@code docker network ls} show it. */
  public static final String DOCKER_NAME = "bridge";
  /** The CNI network name: rules and leases carry it. */
  public static final String CNI_NAME = "docklab";
  /** The bridge device, docklab's {@code docker0}. */
  public static final String DEVICE = "docklab0";
  /** Where the network namespaces are bound, as {@code ip netns} keeps them. */
  public static final Path NETNS_DIR = Path.of("/run/netns");
  /** Address leases: on tmpfs, so that they live exactly as long as the namespaces they belong to. */
  public static final Path IPAM_DIR = Path.of("/run/docklab/ipam");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Cni cni;
  private final String name;
  private final String cniName;
  private final String device;
  /** Whether the subnet is the network's own (a user network's); docklab0's is chosen when it is made. */
  private final boolean ownSubnet;
  private Subnet subnet;
  private boolean hostRulesDone;

  /** Docker's default {@code bridge}: docklab0, its subnet the first free one. */
  public BridgeNetwork(Path pluginDir) {
    this(pluginDir, DOCKER_NAME, CNI_NAME, DEVICE, null);
  }

  /**
   * A bridge network: {@code name} as Docker shows it, {@code cniName} for its rules and leases, its
   * Linux bridge {@code device}, and its subnet (null: docklab0's or the first free one).
   */
  public BridgeNetwork(Path pluginDir, String name, String cniName, String device, Subnet subnet) {
    this.cni = new Cni(pluginDir);
    this.name = name;
    this.cniName = cniName;
    this.device = device;
    this.subnet = subnet;
    this.ownSubnet = subnet != null;
  }

  /** The plugins of this host; a clear error when they are not installed. */
  public static Path plugins() {
    Path dir = Cni.findPlugins();
    if (dir == null) {
      throw EngineException.system(EngineMessage.CNI_MISSING, null, Cni.PLUGIN_DIRS);
    }
    return dir;
  }

  /** The default network with the plugins found on this host. */
  public static BridgeNetwork onThisHost() {
    return new BridgeNetwork(plugins());
  }

  public String name() {
    return name;
  }

  public String device() {
    return device;
  }

  /** The network namespace file of a container. */
  public static Path netnsPath(String containerId) {
    return NETNS_DIR.resolve("docklab-" + containerId.substring(0, 12));
  }

  /**
   * The bridge's subnet: the one {@code docklab0} already has, or else the first of Docker's pool
   * (172.17.0.0/16 to 172.31.0.0/16) that no host interface or route uses.
   */
  public synchronized Subnet subnet() {
    if (subnet == null) {
      subnet = existingSubnet(device);
      if (subnet == null) {
        subnet = freeSubnet(hostSubnets());
      }
    }
    return subnet;
  }

  /** The first /16 of 172.17-172.31 that overlaps none of {@code used}. */
  static Subnet freeSubnet(List<Subnet> used) {
    return freeSubnet(used, 17);
  }

  /** The first /16 of 172.{@code first}-172.31 that overlaps none of {@code used}. */
  public static Subnet freeSubnet(List<Subnet> used, int first) {
    for (int second = first; second <= 31; second++) {
      Subnet s = Subnet.parse("172." + second + ".0.0/16");
      if (used.stream().noneMatch(s::overlaps)) {
        return s;
      }
    }
    throw EngineException.system(EngineMessage.NO_FREE_SUBNET, null, DEVICE);
  }

  private static Subnet existingSubnet(String device) {
    try {
      NetworkInterface nif = NetworkInterface.getByName(device);
      if (nif != null) {
        for (InterfaceAddress a : nif.getInterfaceAddresses()) {
          if (a.getAddress() instanceof Inet4Address v4) {
            return new Subnet(Subnet.address(v4.getHostAddress()), a.getNetworkPrefixLength());
          }
        }
      }
    } catch (SocketException e) {
      // none
    }
    return null;
  }

  /** Every IPv4 subnet on a host interface or in the host's routing table (but the default route). */
  public static List<Subnet> hostSubnets() {
    List<Subnet> used = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InterfaceAddress a : nif.getInterfaceAddresses()) {
          if (a.getAddress() instanceof Inet4Address v4) {
            used.add(new Subnet(Subnet.address(v4.getHostAddress()), a.getNetworkPrefixLength()));
          }
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8 || f[0].equals("Iface")) {
          continue;
        }
        long dest = Long.reverseBytes(Long.parseLong(f[1], 16) << 32) & 0xFFFFFFFFL;
        long mask = Long.reverseBytes(Long.parseLong(f[7], 16) << 32) & 0xFFFFFFFFL;
        if (mask != 0) {
          used.add(new Subnet(dest, Long.bitCount(mask)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // what could be read is enough
    }
    return used;
  }

  /**
   * Makes the bridge with its gateway address unless it exists, as Docker does at {@code network
   * create}, so that every data root sees the subnet taken. Under the host's network lock, the subnet
   * is checked against every interface and route of the host, the bridges of other data roots
   * included: docklab0 then takes the first free one; a user network whose subnet was taken meanwhile
   * (its bridge went with a reboot) is refused.
   */
  public void ensureDevice() {
    if (exists()) {
      return;
    }
    try (HostLock lock = HostLock.acquire()) {
      synchronized (this) {
        if (exists()) {
          return;
        }
        List<Subnet> used = hostSubnets();
        if (!ownSubnet) {
          subnet = freeSubnet(used);
          hostRulesDone = false;
        } else if (used.stream().anyMatch(subnet::overlaps)) {
          throw EngineException.conflict("network " + name + ": Pool overlaps with other one on this address space"
              + " (its subnet " + subnet + " is in use on this host now; docker network rm " + name
              + " and create it again)");
        }
        HostCommands.ip("link", "add", device, "type", "bridge");
        try {
          HostCommands.ip("addr", "add", subnet.gateway() + "/" + subnet.prefix(), "dev", device);
          HostCommands.ip("link", "set", device, "up");
        } catch (RuntimeException e) {
          HostCommands.run(List.of("ip", "link", "delete", device));
          throw e;
        }
      }
    }
  }

  private boolean exists() {
    return Files.exists(Path.of("/sys/class/net", device));
  }

  /**
   * Gives a container its network: a namespace of its own, {@code lo} up, {@code eth0} on the
   * bridge with the next free address, and DNAT rules for {@code ports} (host ports already
   * chosen). Undone completely when any step fails.
   */
  public Endpoint connect(String containerId, List<PortMapping> ports) {
    return connect(containerId, ports, Identity.ANY);
  }

  /**
   * What a container asks of its interface on the network: a fixed IPv4 address ({@code --ip}), a MAC address
   * ({@code --mac-address}), link-local addresses ({@code --link-local-ip}); "" and empty for the network's
   * choice.
   */
  public record Identity(String ipv4, String mac, List<String> linkLocalIps) {
    /** Whatever the network gives. */
    public static final Identity ANY = new Identity("", "", List.of());

    /** The CNI_ARGS that ask host-local for the address and the bridge plugin for the MAC address. */
    String cniArgs() {
      if (ipv4.isEmpty() && mac.isEmpty()) {
        return "";
      }
      return "IgnoreUnknown=1" + (ipv4.isEmpty() ? "" : ";IP=" + ipv4) + (mac.isEmpty() ? "" : ";MAC=" + mac);
    }
  }

  /** As {@link #connect(String, List)}, with the address and MAC address {@code identity} asks for. */
  public Endpoint connect(String containerId, List<PortMapping> ports, Identity identity) {
    Path netns = namespace(containerId);
    return connectIn(containerId, netns, ports, identity, true);
  }

  /**
   * The first half of {@link #connect}: the bridge and its host rules made if need be, and a new network
   * namespace for the container, empty (the runtime may create the container in it meanwhile).
   */
  public Path namespace(String containerId) {
    prepare();
    Path netns = netnsPath(containerId);
    deleteNetns(netns);
    HostCommands.ip("netns", "add", netns.getFileName().toString());
    return netns;
  }

  /** The bridge and its host rules, made if need be: what a container's interface on it needs first. */
  public void prepare() {
    ensureDevice();
    ensureHostRules();
  }

  /**
   * A network namespace made ahead of any container, {@code ip netns add} with {@code lo} up, as the loopback
   * plugin leaves it: what {@link #connectIn} takes with {@code loopback} false.
   */
  public static void spareNamespace(Path netns) {
    String name = netns.getFileName().toString();
    HostCommands.ip("netns", "add", name);
    try {
      HostCommands.ip("-n", name, "link", "set", "lo", "up");
    } catch (RuntimeException e) {
      deleteNetns(netns);
      throw e;
    }
  }

  /** {@code ip netns delete}: the namespace bound at {@code netns} goes, if it is there. */
  public static void removeNamespace(Path netns) {
    deleteNetns(netns);
  }

  /**
   * The second half of {@link #connect}: in the namespace {@code netns} (already made), {@code lo} up (unless
   * {@code loopback} is false: it is up already), {@code eth0} on the bridge and the published ports. Undone
   * completely, the namespace included, when any step fails.
   */
  public Endpoint connectIn(String containerId, Path netns, List<PortMapping> ports, Identity identity,
      boolean loopback) {
    Endpoint partial = new Endpoint(name, netns.toString(), "", 0, "", "", "", ports, null);
    try {
      if (loopback) {
        cni.add(loopbackConf(), containerId, netns, "lo");
      }
      JsonNode result = cni.add(bridgeConf(), containerId, netns, "eth0", identity.cniArgs());
      for (String linkLocal : identity.linkLocalIps()) {
        HostCommands.ip("-n", netns.getFileName().toString(), "addr", "add",
            linkLocal + (linkLocal.contains(":") ? "/64" : "/16"), "scope", "link", "dev", "eth0");
      }
      partial = new Endpoint(name, netns.toString(), "", 0, "", "", "", ports, JSON.writeValueAsString(result));
      if (!ports.isEmpty()) {
        cni.add(portmapConf(ports, result), containerId, netns, "eth0");
      }
      return endpoint(netns, ports, result);
    } catch (IOException e) {
      disconnect(containerId, partial);
      throw EngineException.system(EngineMessage.ENDPOINT_RECORD_FAILED, e, containerId, e.getMessage());
    } catch (RuntimeException e) {
      disconnect(containerId, partial);
      throw e;
    }
  }

  /**
   * {@code docker network connect}: one more interface ({@code ifName}, e.g. {@code eth1}) on this bridge
   * in the running container's namespace {@code netns}, with an address of this network and no default
   * route (the container keeps the one of the network it started on).
   */
  public Endpoint attach(String containerId, Path netns, String ifName) {
    ensureDevice();
    ensureHostRules();
    try {
      JsonNode result = cni.add(bridgeConf(false), containerId, netns, ifName);
      return endpoint(netns, List.of(), result);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ENDPOINT_RECORD_FAILED, e, containerId, e.getMessage());
    }
  }

  /** {@code docker network disconnect}: the interface {@code ifName} and its address lease go; the namespace stays. */
  public void detach(String containerId, Endpoint ep, String ifName) {
    Path netns = Path.of(ep.sandboxKey());
    ObjectNode conf = bridgeConf(false);
    try {
      if (ep.cniResult() != null) {
        conf.set("prevResult", JSON.readTree(ep.cniResult()));
      }
    } catch (IOException e) {
      // without the previous result the plugins still find what to undo by the container's id
    }
    cni.del(conf, containerId, Files.exists(netns) ? netns : null, ifName);
  }

  /**
   * Takes a container off the network: its DNAT rules, its veth and address lease, its namespace.
   * Each step is tried even when an earlier one fails; the first failure is reported.
   */
  public void disconnect(String containerId, Endpoint ep) {
    Path netns = Path.of(ep.sandboxKey());
    RuntimeException first = null;
    JsonNode prev = null;
    try {
      prev = ep.cniResult() == null ? null : JSON.readTree(ep.cniResult());
    } catch (IOException e) {
      // without the previous result the plugins still find what to undo by the container's id
    }
    boolean nsExists = Files.exists(netns);
    if (!ep.ports().isEmpty()) {
      try {
        cni.del(portmapConf(ep.ports(), prev), containerId, nsExists ? netns : null, "eth0");
      } catch (RuntimeException e) {
        first = e;
      }
    }
    try {
      ObjectNode conf = bridgeConf();
      if (prev != null) {
        conf.set("prevResult", prev);
      }
      cni.del(conf, containerId, nsExists ? netns : null, "eth0");
    } catch (RuntimeException e) {
      first = first == null ? e : first;
    }
    try {
      deleteNetns(netns);
    } catch (RuntimeException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw first;
    }
  }

  private Endpoint endpoint(Path netns, List<PortMapping> ports, JsonNode result) throws IOException {
    String ip = "";
    int prefix = 0;
    String gateway = "";
    String mac = "";
    String hostVeth = "";
    JsonNode ifaces = result.path("interfaces");
    for (JsonNode i : ifaces) {
      if (i.path("sandbox").asText("").isEmpty() && !i.path("name").asText().equals(device)) {
        hostVeth = i.path("name").asText();
      }
    }
    for (JsonNode a : result.path("ips")) {
      String addr = a.path("address").asText();
      if (addr.contains(".") && addr.contains("/")) {
        ip = addr.substring(0, addr.indexOf('/'));
        prefix = Integer.parseInt(addr.substring(addr.indexOf('/') + 1));
        gateway = a.path("gateway").asText("");
        JsonNode nif = ifaces.path(a.path("interface").asInt(-1));
        mac = nif.path("mac").asText("");
        break;
      }
    }
    return new Endpoint(name, netns.toString(), ip, prefix, gateway, mac, hostVeth, ports,
        JSON.writeValueAsString(result));
  }

  private ObjectNode base(String type) {
    ObjectNode conf = JSON.createObjectNode();
    conf.put("cniVersion", Cni.VERSION);
    conf.put("name", cniName);
    conf.put("type", type);
    return conf;
  }

  private ObjectNode loopbackConf() {
    return base("loopback");
  }

  private ObjectNode bridgeConf() {
    return bridgeConf(true);
  }

  private ObjectNode bridgeConf(boolean defaultRoute) {
    Subnet s = subnet();
    ObjectNode conf = base("bridge");
    conf.put("bridge", device);
    conf.put("isGateway", true);
    conf.put("ipMasq", false); // one rule for the whole subnet instead (see ensureHostRules), as Docker has
    conf.put("hairpinMode", true);
    ObjectNode ipam = conf.putObject("ipam");
    ipam.put("type", "host-local");
    ObjectNode range = ipam.putArray("ranges").addArray().addObject();
    range.put("subnet", s.toString());
    range.put("gateway", s.gateway());
    if (defaultRoute) {
      ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
    }
    ipam.put("dataDir", IPAM_DIR.toString());
    return conf;
  }

  private ObjectNode portmapConf(List<PortMapping> ports, JsonNode prevResult) {
    ObjectNode conf = base("portmap");
    conf.put("snat", true); // also answers on the host's own addresses and on 127.0.0.1
    conf.putObject("capabilities").put("portMappings", true);
    ArrayNode maps = conf.putObject("runtimeConfig").putArray("portMappings");
    for (PortMapping p : ports) {
      ObjectNode m = maps.addObject();
      m.put("hostPort", p.hostPort());
      m.put("containerPort", p.containerPort());
      m.put("protocol", p.proto());
      if (!p.hostIp().isEmpty()) {
        m.put("hostIP", p.hostIp());
      }
    }
    if (prevResult != null) {
      conf.set("prevResult", prevResult);
    }
    return conf;
  }

  /** The host rules this bridge needs ({@link HostRule#forBridge}), made once. */
  private synchronized void ensureHostRules() {
    if (hostRulesDone) {
      return;
    }
    HostRule.forBridge(device, subnet()).forEach(HostRule::ensure);
    hostRulesDone = true;
  }

  /** {@code docker network rm}: the bridge device, this network's host rules and its leases go. */
  public synchronized void destroy() {
    HostRule.forBridge(device, subnet()).forEach(HostRule::delete);
    if (exists()) {
      HostCommands.ip("link", "delete", device);
    }
    try {
      Path leases = IPAM_DIR.resolve(cniName);
      if (Files.isDirectory(leases)) {
        try (var files = Files.list(leases)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(leases);
      }
    } catch (IOException e) {
      // leases live on tmpfs: gone at the next boot anyway
    }
    hostRulesDone = false;
  }

  private static void deleteNetns(Path netns) {
    if (Files.exists(netns)) {
      HostCommands.ip("netns", "delete", netns.getFileName().toString());
    }
  }
}
