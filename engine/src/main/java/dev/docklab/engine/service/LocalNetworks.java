package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Networks;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.network.HostLock;
import dev.docklab.engine.network.NetworkStore;
import dev.docklab.engine.network.Subnet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code docker network ...}: docklab's bridge and the user networks, each a bridge made by the CNI plugins. */
final class LocalNetworks implements Networks {
  private EngineParts p;
  private BridgeNetwork bridge;
  private final Map<String, BridgeNetwork> userNetworks = new HashMap<>();

  /** Set once the parts exist: the container lifecycle is made with this lookup before them. */
  void setParts(EngineParts parts) {
    this.p = parts;
  }

  /** docklab's bridge network, found when a container first needs it. */
  public synchronized BridgeNetwork bridge() {
    if (bridge == null) {
      bridge = BridgeNetwork.onThisHost();
    }
    return bridge;
  }

  /** A bridge network by name: {@code bridge}, or one made with {@code docker network create}. */
  public synchronized BridgeNetwork network(String name) {
    if (name.equals("bridge") || name.equals("default")) {
      return bridge();
    }
    var config = p.networkStore().find(name);
    if (config == null) {
      throw EngineException.notFound("network " + name + " not found");
    }
    return userNetworks.computeIfAbsent(config.id(), id -> new BridgeNetwork(
        BridgeNetwork.plugins(), config.name(), config.cniName(), config.device(),
        Subnet.parse(config.subnet())));
  }

  /** The networks {@code docker network ls} lists: Docker's three built-in ones. */
  @Override
  public List<String> list() {
    List<String> all = new ArrayList<>(List.of("bridge", "host", "none"));
    p.networkStore().list().forEach(n -> all.add(n.name()));
    return all;
  }

  /** {@code docker network inspect NAME}, in Docker's shape; the network's running containers with their addresses. */
  @Override
  public Map<String, Object> inspect(String name) {
    Inspector inspector = new Inspector(p.layout(), p.runtime().choice().name());
    var user = p.networkStore().find(name);
    if (user != null) {
      return inspector.network(user.name(), user.id(), "bridge", user.subnet(), user.device(), user.created(),
          p.containerStore().list());
    }
    String found = List.of("bridge", "host", "none").stream()
        .filter(n -> n.equals(name) || Inspector.networkId(n).startsWith(name))
        .findFirst().orElseThrow(() -> EngineException.notFound("network " + name + " not found"));
    String subnet = found.equals("bridge") ? bridge().subnet().toString() : null;
    return inspector.network(found, Inspector.networkId(found), found.equals("none") ? "null" : found, subnet,
        found.equals("bridge") ? BridgeNetwork.DEVICE : null, null, p.containerStore().list());
  }

  /**
   * {@code docker network create [--subnet CIDR] NAME}: a bridge network of its own, its bridge made now
   * as Docker makes it, so that other data roots see its subnet taken; returns its id. The subnet is
   * chosen under the host's network lock, clear of every interface and route of the host.
   */
  @Override
  public String create(String name, String subnet) {
    NetworkStore.Config c;
    try (HostLock lock = HostLock.acquire()) {
      List<Subnet> used = new ArrayList<>(BridgeNetwork.hostSubnets());
      used.add(bridge().subnet());
      c = p.networkStore().create(name, subnet, used);
      try {
        network(c.name()).ensureDevice();
      } catch (RuntimeException e) {
        synchronized (this) {
          userNetworks.remove(c.id());
        }
        p.networkStore().remove(c);
        throw e;
      }
    }
    p.listener().on(EngineEvent.said(EventStep.NETWORK, name, Duration.ZERO, EngineMessage.EVENT_NETWORK_CREATED,
        c.device(), c.subnet()));
    return c.id();
  }

  /**
   * {@code docker network rm NAME}: refused for the predefined ones and while a container runs on it;
   * its bridge, rules and leases go.
   */
  @Override
  public String remove(String name) {
    if (List.of("bridge", "host", "none").contains(name)) {
      throw EngineException.conflict(name + " is a pre-defined network and cannot be removed");
    }
    var c = p.networkStore().find(name);
    if (c == null) {
      throw EngineException.notFound("network " + name + " not found");
    }
    boolean active = p.containerStore().list().stream().anyMatch(x -> x.state().running()
        && (x.hostConfig().networkMode().equals(c.name()) || p.containers().userNetworks(x).contains(c.name())));
    if (active) {
      throw EngineException.conflict("error while removing network: network " + c.name() + " id " + c.id()
          + " has active endpoints");
    }
    network(c.name()).destroy();
    synchronized (this) {
      userNetworks.remove(c.id());
    }
    p.networkStore().remove(c);
    return c.name();
  }

  @Override
  public void connect(String network, String container, List<String> aliases) {
    network(network);
    p.containers().connectNetwork(container, network, aliases);
  }

  @Override
  public void disconnect(String network, String container) {
    network(network);
    p.containers().disconnectNetwork(container, network);
  }

  /** {@code docker network prune}: the user networks no container uses; returns their names. */
  @Override
  public List<String> prune() {
    List<String> gone = new ArrayList<>();
    for (var c : p.networkStore().list()) {
      boolean used = p.containerStore().list().stream().anyMatch(x -> x.hostConfig().networkMode().equals(c.name())
          || x.state().running() && p.containers().userNetworks(x).contains(c.name()));
      if (!used) {
        gone.add(remove(c.name()));
      }
    }
    return gone;
  }
}
