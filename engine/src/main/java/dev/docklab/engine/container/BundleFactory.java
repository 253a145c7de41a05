package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.runtime.BundleSpec;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.OciSpec;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;

/**
 * Makes what the OCI runtime runs a container from: its lower dirs (its init layer on its image's
 * layers), its /etc files, and the bundle's {@code config.json}.
 */
final class BundleFactory {
  /** The mode of the /etc files the engine mounts, as Docker's: any user in the container reads them. */
  private static final Set<PosixFilePermission> ETC_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
  private final ContainerStore store;
  private final LayerStore layers;
  private final ContainerNetworks nets;
  private final HostFacts host;

  BundleFactory(ContainerStore store, LayerStore layers, ContainerNetworks nets, HostFacts host) {
    this.store = store;
    this.layers = layers;
    this.nets = nets;
    this.host = host;
  }

  /** The container's lower dirs, top first: its init layer, then its image's layers. */
  List<Path> lowers(ContainerFiles files, Image image) {
    List<Path> lowers = new ArrayList<>(layers.diffsTopFirst(image.diffIds()));
    lowers.add(0, initLayer(files));
    return lowers;
  }

  /**
   * Docker's "init layer": a read-only layer of the container's own, just above the image, holding the
   * files the engine bind-mounts (/etc/hostname, /etc/hosts, /etc/resolv.conf), so that mounting
   * them creates nothing in the container's read-write layer and {@code docker diff} stays true.
   */
  private static Path initLayer(ContainerFiles files) {
    Path init = files.init();
    try {
      if (!Files.isDirectory(init)) {
        Path tmp = files.initTmp();
        Trees.deleteRecursively(tmp);
        Files.createDirectories(tmp.resolve("etc"));
        for (String f : List.of("hostname", "hosts", "resolv.conf")) {
          Files.createFile(tmp.resolve("etc").resolve(f));
        }
        Files.move(tmp, init);
      }
      return init;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.INIT_LAYER_FAILED, e, init, e.getMessage());
    }
  }

  /** Writes the bundle's {@code config.json} from {@code spec}, with this host's limits. */
  void write(ContainerFiles.Bundle bundle, BundleSpec spec) {
    write(bundle, spec, Map.of());
  }

  /** The bundle with {@code --annotation}s in the spec's {@code annotations}, as Docker passes them to the runtime. */
  void write(ContainerFiles.Bundle bundle, BundleSpec spec, Map<String, String> annotations) {
    Map<String, Object> config = OciSpec.build(spec, host);
    if (!annotations.isEmpty()) {
      config.put("annotations", new TreeMap<>(annotations));
    }
    OciRuntime.writeBundle(bundle, config);
  }

  /**
   * What the runtime needs to run {@code c} on {@code rootfs} under {@code confinement}; writes the
   * container's /etc/hostname, /etc/hosts and /etc/resolv.conf on the way.
   */
  BundleSpec spec(Container c, Path rootfs, ContainerFiles files, BundleSpec.Security confinement) {
    Endpoint ep = c.network();
    boolean hostNet = "host".equals(ep.network());
    boolean joined = ep.network().startsWith("container:");
    String hostname = hostNet || c.namespaces().utsMode().equals("host") ? ContainerNetworks.hostHostname()
        : joined ? ep.network().substring(10, 22) : c.hostname() != null ? c.hostname() : c.id().substring(0, 12);
    AtomicFiles.writeNoSync(files.hostname(), (hostname + "\n").getBytes(StandardCharsets.UTF_8), ETC_FILE_MODE);
    ContainerFiles target = joined ? store.files(ep.network().substring(10)) : null;
    AtomicFiles.writeNoSync(files.hosts(), (hostNet ? readHostFile(Path.of("/etc/hosts"))
        + new ContainerNamespaces(store).hostsLines(c, nets.hostGateway()).stream().map(l -> l + "\n")
            .collect(Collectors.joining())
        : joined ? readHostFile(target.hosts())
        : nets.hosts(c, hostname)).getBytes(StandardCharsets.UTF_8), ETC_FILE_MODE);
    String resolv = hostNet ? readHostFile(Path.of("/etc/resolv.conf"))
        : EtcFiles.resolvConf(readHostFile(Path.of("/etc/resolv.conf")));
    AtomicFiles.writeNoSync(files.resolvConf(), EtcFiles.resolvConf(resolv, c.namespaces())
        .getBytes(StandardCharsets.UTF_8), ETC_FILE_MODE);
    int[] ids = Users.resolve(c.user(), rootfs);
    String netns = switch (ep.network()) {
      case "host" -> BundleSpec.HOST_NETWORK;
      case "none" -> null;
      default -> ep.sandboxKey(); // the bridge's namespace, or the joined container's
    };
    ContainerNamespaces shared = new ContainerNamespaces(store);
    List<BundleSpec.Bind> binds = binds(c, files);
    binds.addAll(shared.shm(c, files));
    List<String> env = new ArrayList<>(c.env());
    for (String e : shared.linkEnv(c)) {
      String key = e.substring(0, e.indexOf('=') + 1);
      if (env.stream().noneMatch(x -> x.startsWith(key))) {
        env.add(e); // as Docker: the container's own -e wins over a link's variable
      }
    }
    return new BundleSpec(c.command(), env, c.workingDir(), ids[0], ids[1], hostname, c.tty(), rootfs,
        ContainerService.cgroupsPath(c), c.hostConfig().memory(), c.hostConfig().pidsLimit(),
        binds, netns, confinement, c.resources(),
        c.hardening().withGroupAdd(Users.groups(c.user(), c.hardening().groupAdd(), rootfs)), shared.resolve(c));
  }

  /**
   * The /etc/hosts of {@code c}, whose namespace got its address after the runtime had bind-mounted the
   * file: rewritten in place (its inode must stay) with the container's own line, before its process runs.
   */
  void addressKnown(Container c, ContainerFiles files) {
    String hostname = readHostFile(files.hostname()).strip();
    try {
      Files.writeString(files.hosts(), nets.hosts(c, hostname), StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.PREPARE_FAILED, e, files.hosts(), e.getMessage());
    }
  }

  private static String readHostFile(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      return "";
    }
  }

  private static List<BundleSpec.Bind> binds(Container c, ContainerFiles files) {
    // The learner's mounts first, then the engine's files, so that /etc/hosts stays visible under a volume on /etc.
    List<BundleSpec.Bind> binds = new ArrayList<>();
    for (Container.MountPoint m : c.mounts()) {
      binds.add(new BundleSpec.Bind(Path.of(m.source()), m.destination(), m.readOnly()));
    }
    binds.add(new BundleSpec.Bind(files.hostname(), "/etc/hostname", false));
    binds.add(new BundleSpec.Bind(files.hosts(), "/etc/hosts", false));
    binds.add(new BundleSpec.Bind(files.resolvConf(), "/etc/resolv.conf", false));
    return binds;
  }
}
