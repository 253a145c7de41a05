package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.network.HostLock;
import dev.docklab.engine.network.HostPorts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Containers on their networks: put on one as they start (a namespace, an address, published ports),
 * taken off as they end, names kept resolvable on user networks, and what a crash left behind taken
 * down when the engine opens.
 */
final class ContainerNetworks {
  private final ContainerStore store;
  private final EngineListener listener;
  /** A bridge network by name ({@code bridge} or a user network); "network X not found" otherwise. */
  private final Function<String, BridgeNetwork> networks;
  private final NetnsPool pool;

  ContainerNetworks(ContainerStore store, EngineListener listener, Function<String, BridgeNetwork> networks,
      NetnsPool pool) {
    this.store = store;
    this.listener = listener;
    this.networks = networks;
    this.pool = pool;
  }

  /** The namespaces made ahead of need: filled up again after a start, emptied when the engine closes. */
  NetnsPool pool() {
    return pool;
  }

  /** The bridge network of that name: {@code bridge} or a user network. */
  BridgeNetwork network(String name) {
    return networks.apply(name);
  }

  /**
   * Puts a starting container on its network: on the bridge, a namespace with eth0 and DNAT rules for
   * its published ports (host ports chosen now, as Docker does at each start). The namespace is made
   * before this returns; its interfaces come on a worker ({@link NetworkJoin#await}).
   */
  NetworkJoin join(Container c) {
    NetworkMode mode = NetworkMode.parse(c.hostConfig().networkMode());
    if (mode == NetworkMode.CONTAINER) {
      Container target = store.find(NetworkMode.containerTarget(c.hostConfig().networkMode()));
      if (!target.state().running()) {
        throw EngineException.conflict("cannot join network namespace of a non running container: " + target.id());
      }
      return NetworkJoin.ready(c.id(), Endpoint.plain(c.hostConfig().networkMode(),
          "/proc/" + target.state().pid() + "/ns/net"));
    }
    if (mode == NetworkMode.HOST) {
      return NetworkJoin.ready(c.id(), Endpoint.plain("host", ""));
    }
    if (mode == NetworkMode.NONE) {
      return NetworkJoin.ready(c.id(), Endpoint.plain("none", ""));
    }
    List<PortMapping> wanted = new ArrayList<>(c.hostConfig().portBindings());
    if (c.hostConfig().publishAll()) {
      for (String port : c.exposedPorts()) {
        if (wanted.stream().noneMatch(p -> p.port().equals(port))) {
          String[] pp = port.split("/");
          wanted.add(new PortMapping("", 0, Integer.parseInt(pp[0]), pp[1]));
        }
      }
    }
    BridgeNetwork net = networks.apply(c.hostConfig().networkMode());
    if (wanted.isEmpty()) {
      return join(c, net, List.of());
    }
    // host ports are the host's: chosen and taken under the host's lock, against every data root's
    try (HostLock lock = HostLock.acquire()) {
      Set<String> taken = new HashSet<>(HostPorts.publishedOnHost(c.id()));
      for (Container other : store.list()) {
        if (!other.id().equals(c.id()) && other.network() != null) {
          other.network().ports().forEach(p -> taken.add(HostPorts.key(p)));
        }
      }
      return join(c, net, HostPorts.allocate(wanted, taken, c.name() + " (" + c.id() + ")"));
    }
  }

  private NetworkJoin join(Container c, BridgeNetwork net, List<PortMapping> ports) {
    Endpoint early = new Endpoint(net.name(), BridgeNetwork.netnsPath(c.id()).toString(), "", 0, "", "", "",
        ports, null);
    store.saveEndpoint(c.id(), early); // before the namespace: a crash from here on leaves a note to clear
    long t0 = System.nanoTime();
    Path netns = BridgeNetwork.netnsPath(c.id());
    boolean spare;
    try {
      net.prepare();
      spare = pool.claim(netns);
      if (!spare) {
        net.namespace(c.id());
      }
    } catch (RuntimeException e) {
      store.deleteEndpoint(c.id());
      throw e;
    }
    BridgeNetwork.Identity identity = new BridgeNetwork.Identity(c.namespaces().ipv4Address(),
        c.namespaces().macAddress(), c.namespaces().linkLocalIps());
    return NetworkJoin.begin(c.id(), early, t0, () -> net.connectIn(c.id(), netns, ports, identity, !spare),
        store, listener, net.device());
  }

  /** Whether an endpoint is on a bridge (the default one or a user network), with something to take down. */
  private static boolean onBridge(Endpoint ep) {
    String n = ep.network();
    return !n.equals("host") && !n.equals("none") && !n.startsWith("container:");
  }

  /** Takes a container off its network (idempotent); failures are reported as events, not thrown. */
  void disconnect(Container c) {
    disconnect(c.id(), c.network());
  }

  void disconnect(String id, Endpoint ep) {
    detachAll(id);
    if (ep == null || !onBridge(ep)) {
      return;
    }
    try {
      listener.timedSaid(EventStep.NETWORK, id,
          ep.ports().isEmpty() ? EngineMessage.EVENT_RELEASED : EngineMessage.EVENT_RELEASED_PORTS,
          x -> new Object[] {ep.ipAddress(), ep.hostVeth(), ep.sandboxKey(), ep.ports()}, () -> {
            networks.apply(ep.network()).disconnect(id, ep);
            return ep;
          });
      store.deleteEndpoint(id);
    } catch (RuntimeException e) {
      listener.on(EngineEvent.said(EventStep.WARNING, id, Duration.ZERO, EngineMessage.EVENT_DISCONNECT_FAILED,
          e.getMessage()));
    }
  }

  /**
   * Networks noted on disk whose container no longer runs (the engine stopped between an exit and its
   * teardown): taken down now.
   */
  void reconcileEndpoints(List<String> alive) {
    for (var e : store.endpoints().entrySet()) {
      Container c = store.list().stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElse(null);
      if (c != null && c.state().running() && alive.contains(c.id())) {
        continue;
      }
      Endpoint ep = e.getValue() != null && onBridge(e.getValue()) ? e.getValue()
          : Endpoint.plain(BridgeNetwork.DOCKER_NAME, BridgeNetwork.netnsPath(e.getKey()).toString());
      disconnect(e.getKey(), ep);
      if (c != null && c.network() != null && !c.state().running()) {
        store.save(c.withNetwork(null));
      }
    }
  }

  /**
   * A container's /etc/hosts: its own name at its address, and on each user-defined network it is on
   * (the one it started on, and those it was connected to since) every other running container of that
   * network by name, short id and aliases (Docker resolves them with its embedded DNS; here the hosts
   * file does it, and is rewritten as containers come and go).
   */
  String hosts(Container c, String hostname) {
    StringBuilder b = new StringBuilder(EtcFiles.hosts(hostname, c.namespaces().domainname(),
        c.network().ipAddress(), new ContainerNamespaces(store).hostsLines(c, hostGateway())));
    for (String network : userNetworks(c)) {
      for (Container peer : store.list()) {
        if (peer.id().equals(c.id()) || !peer.state().running() || peer.network() == null) {
          continue;
        }
        String ip = "";
        List<String> aliases = List.of();
        if (peer.hostConfig().networkMode().equals(network) && userNetwork(peer)) {
          ip = peer.network().ipAddress();
          aliases = peer.namespaces().aliases();
        } else {
          for (ExtraNetworks.Link l : ExtraNetworks.read(store.files(peer.id()).networks())) {
            if (l.network().equals(network)) {
              ip = l.endpoint().ipAddress();
              aliases = l.aliases();
            }
          }
        }
        if (!ip.isEmpty()) {
          b.append(ip).append('\t').append(peer.name()).append(' ').append(peer.shortId());
          aliases.forEach(a -> b.append(' ').append(a));
          b.append('\n');
        }
      }
    }
    return b.toString();
  }

  /** The user networks a running container is on: the one it started on, then those it was connected to. */
  List<String> userNetworks(Container c) {
    List<String> out = new ArrayList<>();
    if (userNetwork(c)) {
      out.add(c.hostConfig().networkMode());
    }
    for (ExtraNetworks.Link l : ExtraNetworks.read(store.files(c.id()).networks())) {
      if (!l.network().equals(BridgeNetwork.DOCKER_NAME)) {
        out.add(l.network());
      }
    }
    return out;
  }

  /** Docker's {@code host-gateway}: the default bridge's address on the host. */
  String hostGateway() {
    try {
      return networks.apply(BridgeNetwork.DOCKER_NAME).subnet().gateway();
    } catch (RuntimeException e) {
      return "";
    }
  }

  static boolean userNetwork(Container c) {
    String n = c.hostConfig().networkMode();
    return !List.of("bridge", "default", "host", "none").contains(n) && !n.startsWith("container:");
  }

  /**
   * Rewrites, in place (the file is bind-mounted: its inode must stay), the /etc/hosts of every running
   * container of user network {@code network}, after one joined or left it.
   */
  void refreshHosts(String network) {
    for (Container m : store.list()) {
      if (m.state().running() && m.network() != null && userNetworks(m).contains(network)) {
        rewriteHosts(m);
      }
    }
  }

  /**
   * Rewrites a running container's /etc/hosts in place, never leaving it empty for a moment: its process may
   * be reading it (a container that just started resolves its peers at once), so the file is left alone when
   * it says the same already, and otherwise overwritten from the start and then cut to its new length.
   */
  private void rewriteHosts(Container m) {
    Path f = store.files(m.id()).hosts();
    try {
      if (Files.exists(f)) {
        byte[] next = hosts(m, m.hostname() != null ? m.hostname() : m.id().substring(0, 12))
            .getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(Files.readAllBytes(f), next)) {
          return;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(next);
          while (buf.hasRemaining()) {
            ch.write(buf, buf.position());
          }
          ch.truncate(next.length);
        }
      }
    } catch (IOException e) {
      listener.on(EngineEvent.said(EventStep.WARNING, m.id(), Duration.ZERO, EngineMessage.EVENT_HOSTS_FAILED,
          e.getMessage()));
    }
  }

  /**
   * {@code docker network connect NETWORK CONTAINER}: the running container {@code c} gets an interface on
   * {@code network} beside the one it started with; names on that network resolve both ways.
   */
  Endpoint attach(Container c, String network, List<String> aliases) {
    BridgeNetwork net = networks.apply(network);
    if (!c.state().running() || c.network() == null) {
      throw EngineException.conflict(EngineMessage.CONNECT_NOT_RUNNING, c.name());
    }
    String mode = c.hostConfig().networkMode();
    if (mode.equals("host")) {
      throw EngineException.conflict("container cannot be disconnected from host network or connected to host network");
    }
    if (mode.equals("none") || mode.startsWith("container:")) {
      throw EngineException.conflict("container sharing network namespace with another container or host cannot "
          + "be connected to any other network");
    }
    Path file = store.files(c.id()).networks();
    List<ExtraNetworks.Link> links = new ArrayList<>(ExtraNetworks.read(file));
    if (c.network().network().equals(net.name()) || links.stream().anyMatch(l -> l.network().equals(net.name()))) {
      throw EngineException.conflict("endpoint with name " + c.name() + " already exists in network " + net.name());
    }
    int n = 1;
    while (true) {
      String candidate = "eth" + n;
      if (links.stream().noneMatch(l -> l.ifName().equals(candidate))) {
        break;
      }
      n++;
    }
    String ifName = "eth" + n;
    Endpoint ep = listener.timedSaid(EventStep.NETWORK, c.id(), EngineMessage.EVENT_CONNECTED,
        e -> new Object[] {e.ipAddress(), e.prefixLen(), net.device(), e.hostVeth(), e.sandboxKey(), e.ports()},
        () -> net.attach(c.id(), Path.of(c.network().sandboxKey()), ifName));
    links.add(new ExtraNetworks.Link(net.name(), ifName, List.copyOf(aliases), ep));
    ExtraNetworks.write(file, links);
    refreshHosts(net.name());
    rewriteHosts(c);
    return ep;
  }

  /** {@code docker network disconnect NETWORK CONTAINER}: takes off what {@link #attach} put on. */
  void detach(Container c, String network) {
    BridgeNetwork net = networks.apply(network);
    Path file = store.files(c.id()).networks();
    List<ExtraNetworks.Link> links = new ArrayList<>(ExtraNetworks.read(file));
    ExtraNetworks.Link link = links.stream().filter(l -> l.network().equals(net.name())).findFirst().orElse(null);
    if (link == null) {
      if (c.network() != null && c.network().network().equals(net.name())) {
        throw EngineException.conflict(EngineMessage.DISCONNECT_STARTED_ON, c.name(), net.name());
      }
      throw EngineException.conflict("container " + c.id() + " is not connected to network " + net.name());
    }
    net.detach(c.id(), link.endpoint(), link.ifName());
    links.remove(link);
    ExtraNetworks.write(file, links);
    refreshHosts(net.name());
    rewriteHosts(c);
  }

  /** Takes a container off every network it was connected to since its start (it stopped); failures become events. */
  private void detachAll(String id) {
    Path file = store.files(id).networks();
    List<ExtraNetworks.Link> links;
    try {
      links = ExtraNetworks.read(file);
    } catch (RuntimeException e) {
      return;
    }
    for (ExtraNetworks.Link l : links) {
      try {
        networks.apply(l.network()).detach(id, l.endpoint(), l.ifName());
      } catch (RuntimeException e) {
        listener.on(EngineEvent.said(EventStep.WARNING, id, Duration.ZERO, EngineMessage.EVENT_DISCONNECT_FAILED,
            e.getMessage()));
      }
    }
    ExtraNetworks.write(file, List.of());
    links.forEach(l -> refreshHosts(l.network()));
  }

  static String hostHostname() {
    try {
      // readAllLines, not readString: on procfs readString may return only the first byte
      return String.join("", Files.readAllLines(Path.of("/proc/sys/kernel/hostname"))).strip();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
