package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.SecurityOpts;
import dev.docklab.engine.bootstrap.BusyboxImage;
import dev.docklab.engine.runtime.SecurityProfiles;
import dev.docklab.engine.store.DaemonConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a new container's record from a run request and its image, as {@code docker create} does:
 * id, name, command, environment, hostname, network mode, ports, mounts, labels, security options, and
 * its limits (the run's, or daemon.json's defaults, read as the container is made).
 */
final class ContainerFactory {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ContainerStore store;
  private final ContainerNetworks nets;
  private final ContainerVolumes volumes;
  private final String driver;
  private final SecurityProfiles security;

  ContainerFactory(ContainerStore store, ContainerNetworks nets, ContainerVolumes volumes, String driver,
      SecurityProfiles security) {
    this.store = store;
    this.nets = nets;
    this.volumes = volumes;
    this.driver = driver;
    this.security = security;
  }

  /** The name asked for ({@code --name}), checked; or a random one no container uses. */
  String name(RunRequest req) {
    return req.name() == null ? uniqueRandomName() : Names.validate(req.name());
  }

  /** The record of a new container named {@code name}; makes its volumes and bind sources. */
  Container build(String name, RunRequest req, Image image) {
    ImageConfig.RunConfig cfg = image.config().configOrEmpty();
    RunRequest.Process process = req.process();
    // As Docker: an --entrypoint replaces the image's, and then the image's CMD is not used either.
    List<String> entrypoint = process.entrypoint() != null ? process.entrypoint()
        : cfg.entrypoint() == null ? List.of() : cfg.entrypoint();
    boolean imageCmd = req.command().isEmpty() && (process.entrypoint() == null || process.entrypoint().isEmpty());
    List<String> command = new ArrayList<>(entrypoint);
    command.addAll(imageCmd ? (cfg.cmd() == null ? List.of() : cfg.cmd()) : req.command());
    if (command.isEmpty()) {
      throw EngineException.invalid("no command specified");
    }
    security.check(SecurityOpts.parse(req.securityOpt()));
    HardeningCheck.check(req.hardening());
    byte[] idBytes = new byte[32];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    List<String> env = new ArrayList<>();
    if (cfg.envOrEmpty().stream().noneMatch(e -> e.startsWith("PATH="))) {
      env.add(BusyboxImage.PATH_ENV);
    }
    env.addAll(cfg.envOrEmpty());
    RunRequest.Network net = req.network();
    String networkMode = net.mode().dockerName();
    String hostname = net.mode() == NetworkMode.HOST ? ContainerNetworks.hostHostname() : id.substring(0, 12);
    if (process.hostname() != null && (net.mode() == NetworkMode.HOST || net.mode() == NetworkMode.CONTAINER)) {
      throw EngineException.invalid("conflicting options: hostname and the network mode");
    }
    hostname = process.hostname() != null ? process.hostname() : hostname;
    if (net.mode() == NetworkMode.CONTAINER) {
      if (!net.publish().isEmpty() || net.publishAll()) {
        throw EngineException.invalid("conflicting options: port publishing and the container type network mode");
      }
      Container target = store.find(net.container());
      networkMode = "container:" + target.id();
      hostname = target.id().substring(0, 12);
    } else if (net.mode() == NetworkMode.USER) {
      networkMode = nets.network(req.network().name()).name();
    }
    new ContainerNamespaces(store).check(req.namespaces(), net.mode(), networkMode,
        net.mode() == NetworkMode.USER ? nets.network(networkMode).subnet() : null, process.hostname() != null);
    hostname = req.namespaces().utsMode().equals("host") ? ContainerNetworks.hostHostname() : hostname;
    env.add("HOSTNAME=" + hostname);
    if (req.tty()) {
      env.add("TERM=xterm");
    }
    env.addAll(req.env());
    DaemonConfig daemon = DaemonConfig.read(store.layout().daemonConfig());
    List<Container.MountPoint> inherited = VolumesFrom.mounts(store, req.lifecycle().volumesFrom());
    return new Container(id, name, Instant.now().toString(), req.image(), image.id().toString(),
        command.get(0), command.subList(1, command.size()), env,
        process.workingDir() != null ? process.workingDir()
            : cfg.workingDir() == null || cfg.workingDir().isEmpty() ? "/" : cfg.workingDir(),
        process.user() != null ? process.user() : cfg.user() == null ? "" : cfg.user(), driver,
        new Container.HostConfig(daemon.memoryLimit(req.memory()), daemon.pidsLimit(req.pidsLimit()), req.autoRemove(),
            req.restartPolicy(), networkMode, net.mode() == NetworkMode.HOST ? List.of() : net.publish(),
            net.publishAll(), req.securityOpt()),
        Container.State.created(), req.tty(), req.openStdin(), 0,
        VolumesFrom.over(inherited, volumes.mountPoints(req.volumes())),
        exposedPorts(cfg, net), null, labels(cfg, req), entrypoint, process.hostname(), req.resources(),
        req.hardening(), req.namespaces(), req.lifecycle().withImage(cfg));
  }

  /** The image's EXPOSE ports, then {@code --expose}, then the container side of each {@code -p}: Docker's order. */
  private static List<String> exposedPorts(ImageConfig.RunConfig cfg, RunRequest.Network net) {
    LinkedHashSet<String> ports = new LinkedHashSet<>();
    if (cfg.exposedPorts() != null) {
      for (String p : cfg.exposedPorts().keySet()) {
        ports.add(p.contains("/") ? p : p + "/tcp");
      }
    }
    ports.addAll(net.expose());
    for (PortMapping p : net.publish()) {
      ports.add(p.port());
    }
    return List.copyOf(ports);
  }

  /** The image's labels, then {@code --label}: a container's labels, as Docker merges them. */
  private static Map<String, String> labels(ImageConfig.RunConfig cfg, RunRequest req) {
    Map<String, String> all = new TreeMap<>(cfg.labels() == null ? Map.of() : cfg.labels());
    all.putAll(req.labels());
    return all;
  }

  private String uniqueRandomName() {
    for (int i = 0; i < 100; i++) {
      String name = Names.random(RANDOM);
      if (store.byName(name) == null) {
        return name;
      }
    }
    return Names.random(RANDOM) + RANDOM.nextInt(100);
  }
}
