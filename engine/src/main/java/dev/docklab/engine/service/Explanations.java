package dev.docklab.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Confinement;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.DriverFacts;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Explain;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.MountReport;
import dev.docklab.engine.api.NetworkFacts;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.SecurityOpts;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.container.ContainerStore;
import dev.docklab.engine.explain.Explainer;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.Layer;
import dev.docklab.engine.layer.LayerIndex;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts behind the explain views, read from the engine's own records and the real files: the
 * layer stack, the union mount, where a path comes from, copy-on-write, and live boot facts.
 */
final class Explanations implements Explain {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Layout layout;
  private final ImageStore images0;
  private final LayerStore layers;
  private final ContainerStore containerStore;
  private final ContainerService containers;
  private final HostFacts host;
  private final ContainerLayers containerLayers;
  private final LocalNetworks networks;
  private final LocalImages images;
  private final LocalContainers localContainers;
  private final String driverName;

  Explanations(EngineParts parts, LocalNetworks networks, LocalImages images, LocalContainers localContainers) {
    this.layout = parts.layout();
    this.images0 = parts.images();
    this.layers = parts.layers();
    this.containerStore = parts.containerStore();
    this.containers = parts.containers();
    this.host = parts.host();
    this.containerLayers = new ContainerLayers(parts);
    this.networks = networks;
    this.images = images;
    this.localContainers = localContainers;
    this.driverName = parts.driver().name();
  }

  @Override
  public DriverFacts drivers(String imageRefOrNull) {
    return new DriverMeasure(layout, images0, layers).facts(driverName, imageRefOrNull);
  }

  @Override
  public LayerReport layers(String nameOrId) {
    Image img = images0.find(nameOrId);
    if (img == null) {
      throw EngineException.notFound("No such image: " + nameOrId);
    }
    List<Digest> ids = img.diffIds();
    List<ImageConfig.History> steps = (img.config().history() == null ? List.<ImageConfig.History>of()
        : img.config().history()).stream().filter(h -> !Boolean.TRUE.equals(h.emptyLayer())).toList();
    List<Path> dirs = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Layer layer = layers.get(ids.get(i));
      dirs.add(layer.diff());
      sizes.add(layer.size());
      names.add(i < steps.size() && steps.get(i).createdBy() != null ? steps.get(i).createdBy() : ids.get(i).shortHex());
    }
    List<LayerReport.Waste> waste = new ArrayList<>();
    List<Explainer.LayerChanges> changes;
    try {
      List<List<Explainer.Entry>> entries = new ArrayList<>();
      for (Digest d : ids) {
        entries.add(LayerIndex.read(layout.layerFiles(d)).stream()
            .map(e -> new Explainer.Entry(e.path(), e.size(), e.kind() == LayerIndex.Kind.WHITEOUT)).toList());
      }
      changes = Explainer.analyse(entries, names, waste);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LAYERS_READ_FAILED, e, nameOrId, e.getMessage());
    }
    List<LayerUser> users = layerUsers(img);
    List<LayerReport.Layer> out = new ArrayList<>();
    long shared = 0;
    for (int i = 0; i < ids.size(); i++) {
      Digest d = ids.get(i);
      List<LayerReport.Sharer> sharers = new ArrayList<>();
      for (LayerUser u : users) {
        if (u.layers().contains(d)) {
          sharers.add(u.sharer());
        }
      }
      long size = sizes.get(i);
      shared += size * sharers.size(); // each sharer would otherwise hold a copy of its own

      var ch = changes.get(i);
      out.add(new LayerReport.Layer(d.toString(), dirs.get(i), size, ch.added(),
          ch.changed(), ch.deleted(), names.get(i), sharers));
    }
    long wasted = waste.stream().mapToLong(LayerReport.Waste::bytes).sum();
    return new LayerReport(nameOrId, img.id().toString(), out, shared, wasted, waste);
  }

  /** An image or a container that may share an image's layers: who it is and the layers it stands on. */
  private record LayerUser(LayerReport.Sharer sharer, Set<Digest> layers) {}

  /**
   * The other images (not the steps of a build, which only the cache keeps) and the containers, in the
   * order {@code explain layers} names them, each with its layers read once.
   */
  private List<LayerUser> layerUsers(Image img) {
    List<Image> all = images0.list();
    List<LayerUser> users = new ArrayList<>();
    ImageLineage lineage = new ImageLineage(all);
    for (Image other : all) {
      boolean buildStep = other.repoTags().isEmpty() && lineage.hasChild(other);
      if (!other.id().equals(img.id()) && !buildStep) {
        users.add(new LayerUser(new LayerReport.Sharer(other.repoTags().isEmpty() ? other.id().shortHex()
            : other.repoTags().get(0).familiarString(), false), new HashSet<>(other.diffIds())));
      }
    }
    for (Container c : containerStore.list()) {
      Set<Digest> layersOf;
      try {
        layersOf = new HashSet<>(images0.get(c.imageDigest()).diffIds());
      } catch (EngineException e) {
        continue; // its image is gone: it shares nothing
      }
      users.add(new LayerUser(new LayerReport.Sharer(c.name(), true), layersOf));
    }
    return users;
  }

  /**
   * {@code explain cow}: the container's read-write layer, each entry classified as a copy-up, a new
   * file, a deletion (whiteout) or an opaque directory, with the lower layer it came from. Callers
   * diff two snapshots to see what one command did.
   */
  @Override
  public Map<String, CowEvent> cow(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    if (!StorageDriverName.of(c.driver()).unionMount()) {
      throw EngineException.invalid(EngineMessage.VFS_NO_COW, c.name());
    }
    Path upper = layout.containerFiles(c.id()).upper();
    Image image = images0.get(c.imageDigest());
    List<Digest> ids = image.diffIds();
    Map<String, CowEvent> out = new TreeMap<>();
    try {
      for (var change : containerLayers.upperDir(c).changes()) {
        String rel = change.path().substring(1);
        Path p = upper.resolve(rel);
        String from = null;
        for (int i = ids.size() - 1; i >= 0 && from == null; i--) {
          if (Files.exists(layers.get(ids.get(i)).diff().resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
            from = ids.get(i).shortHex();
          }
        }
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        byte[] opq = dir ? Posix.host().lgetxattr(p, "trusted.overlay.opaque") : null;
        String kind = change.kind() == 'D' ? "DELETE"
            : opq != null && opq.length == 1 && opq[0] == 'y' ? "OPAQUE"
            : dir ? null
            : change.kind() == 'C' ? "COPY_UP" : "NEW";
        if (kind == null) {
          continue; // a directory overlayfs made in the upper dir to hold what changed below it
        }
        long bytes = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        out.put(change.path(), new CowEvent(kind, change.path(), bytes, from));
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.UPPER_READ_FAILED, e, nameOrId, e.getMessage());
    }
    return out;
  }

  /** {@code explain file}: which layer a path in a container comes from, top-most first. */
  @Override
  public FileReport file(String nameOrId, String path) {
    Container c = containerStore.find(nameOrId);
    if (!StorageDriverName.of(c.driver()).unionMount()) {
      throw EngineException.invalid(EngineMessage.VFS_NO_LAYERS, c.name());
    }
    String rel = path.replaceFirst("^/+", "");
    Path dir = layout.container(c.id());
    List<Source> sources = new ArrayList<>();
    sources.add(new Source("upperdir", "", Layout.containerFilesAt(dir).upper(), FileReport.Source.CONTAINER));
    sources.add(new Source("init", "", Layout.containerFilesAt(dir).init(), FileReport.Source.INIT));
    sources.addAll(imageSources(images0.get(c.imageDigest())));
    return report(c.name(), rel, sources);
  }

  @Override
  public FileReport imageFile(String imageRef, String path) {
    Image image = images0.find(imageRef);
    if (image == null) {
      throw EngineException.notFound("No such image: " + imageRef);
    }
    return report(imageRef, path.replaceFirst("^/+", ""), imageSources(image));
  }

  /** One layer a path is looked up in: its name, the step that made it, its directory. */
  private record Source(String label, String createdBy, Path root, FileReport.Source kind) {}

  /** The image's layers, top first. */
  private List<Source> imageSources(Image image) {
    List<ImageConfig.History> steps = (image.config().history() == null ? List.<ImageConfig.History>of()
        : image.config().history()).stream().filter(h -> !Boolean.TRUE.equals(h.emptyLayer())).toList();
    List<Source> out = new ArrayList<>();
    List<Digest> ids = image.diffIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      out.add(new Source(ids.get(i).shortHex(), i < steps.size() ? steps.get(i).createdBy() : "",
          layers.get(ids.get(i)).diff(), FileReport.Source.IMAGE));
    }
    return out;
  }

  /**
   * What each layer holds at {@code rel}, top first, and overlayfs's lookup over them: the first layer
   * that has the path decides, unless a layer above it hides the path through a parent directory (a
   * whiteout of it, a file in its place, or an opaque directory, which a directory removed and made
   * again becomes).
   */
  private static FileReport report(String name, String rel, List<Source> sources) {
    List<FileReport.Entry> out = new ArrayList<>();
    FileReport.Hidden hidden = null;
    boolean decided = false;
    for (Source s : sources) {
      FileReport.Entry e = entry(s.label(), s.createdBy(), s.root(), rel).as(s.kind());
      out.add(e);
      if (decided) {
        continue;
      }
      String[] parts = rel.split("/");
      String opaque = null;
      for (int i = 1; i < parts.length && !decided; i++) {
        String parent = String.join("/", List.of(parts).subList(0, i));
        String kind = entry("", "", s.root(), parent).kind();
        if (kind.equals("WHITEOUT") || kind.equals("FILE") || kind.equals("LINK")) {
          hidden = new FileReport.Hidden(s.label(), "/" + parent, kind.equals("WHITEOUT") ? "WHITEOUT" : "NOT_DIR");
          decided = true;
        } else if (kind.equals("NONE")) {
          break;
        } else if (kind.equals("OPAQUE") && opaque == null) {
          opaque = parent;
        }
      }
      if (!decided && !e.kind().equals("NONE")) {
        decided = true;
      } else if (!decided && opaque != null) {
        hidden = new FileReport.Hidden(s.label(), "/" + opaque, "OPAQUE");
        decided = true;
      }
    }
    return new FileReport(name, "/" + rel, out, hidden);
  }

  private static FileReport.Entry entry(String layer, String createdBy, Path root, String rel) {
    Path p = root.resolve(rel);
    String kind = "NONE";
    long size = 0;
    try {
      BasicFileAttributes a = Files.readAttributes(p,
          BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Map<String, Object> u = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      boolean whiteout = (((Integer) u.get("mode")) & 0170000) == 0020000 && ((Long) u.get("rdev")) == 0L;
      if (whiteout) {
        kind = "WHITEOUT";
      } else if (a.isDirectory()) {
        byte[] opq = Posix.host().lgetxattr(p, "trusted.overlay.opaque");
        kind = opq != null && opq.length == 1 && opq[0] == 'y' ? "OPAQUE" : "DIR";
      } else if (a.isSymbolicLink()) {
        kind = "LINK";
      } else {
        kind = "FILE";
        size = a.size();
      }
    } catch (IOException e) {
      // not in this layer
    }
    return new FileReport.Entry(layer, createdBy, kind, size);
  }

  /**
   * {@code explain boot}: live facts from a running container (or, without one, from a container
   * started for the purpose and removed again).
   */
  /** {@code explain network CONTAINER}: read live from its namespace and the host's nat table. */
  @Override
  public NetworkFacts network(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    if (!c.state().running() || c.network() == null) {
      throw EngineException.conflict(EngineMessage.NOT_RUNNING_NO_NETWORK, c.name());
    }
    var ep = c.network();
    String pid = String.valueOf(c.state().pid());
    List<String> interfaces = new ArrayList<>();
    for (String line : run(List.of("nsenter", "-t", pid, "-n", "ip", "-o", "-4", "addr", "show"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4) {
        interfaces.add(f[1] + " " + f[3]);
      }
    }
    List<String> routes = run(List.of("nsenter", "-t", pid, "-n", "ip", "-4", "route", "show"));
    List<String> nat = new ArrayList<>();
    if (!ep.ipAddress().isEmpty()) {
      for (String line : run(List.of("iptables-save", "-t", "nat"))) {
        if (line.contains("--to-destination " + ep.ipAddress() + ":")) {
          nat.add(line);
        }
      }
    }
    String namespace = switch (ep.network()) {
      case "host" -> "the host's own (" + "/proc/1/ns/net)";
      case "none" -> "/proc/" + pid + "/ns/net";
      default -> ep.sandboxKey();
    };
    String bridgeAddress = ep.gateway().isEmpty() ? "" : ep.gateway() + "/" + ep.prefixLen();
    return new NetworkFacts(c.name(), ep.network(), namespace, interfaces, routes,
        ep.hostVeth(), ep.network().equals("host") || ep.network().equals("none") || ep.network().startsWith("container:")
            ? "" : networks.network(ep.network()).device(),
        bridgeAddress, ep.ports().stream().map(Object::toString).toList(), nat);
  }

  private static List<String> run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
      if (p.waitFor() != 0) {
        throw EngineException.system(String.join(" ", cmd) + " failed: " + String.join(" ", lines), null);
      }
      return lines;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.RUN_FAILED, e, cmd.get(0), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED, e);
    }
  }

  @Override
  public BootFacts boot(String nameOrId) {
    boolean throwaway = nameOrId == null;
    Container c;
    if (throwaway) {
      Image img = images.resolveForRun("busybox", Progress.NONE);
      c = localContainers.create(new RunRequest(img.id().toString(), null, List.of("sleep", "30"), List.of(), 0, 0, false), img);
      c = containers.start(c.id(), false).container();
    } else {
      c = containerStore.find(nameOrId);
      if (!c.state().running()) {
        throw EngineException.conflict(EngineMessage.NOT_RUNNING_BOOT, c.name());
      }
    }
    try {
      List<String> cmd = containers.execCommand(c.id(), List.of("sh", "-c",
          "uname -r; tr '\\0' ' ' < /proc/1/cmdline; echo; grep ' / / ' /proc/self/mountinfo | head -1; "
              + "wc -l < /proc/self/mountinfo; grep '^Seccomp:' /proc/1/status"), List.of(), false);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
      if (p.waitFor() != 0 || lines.size() < 4) {
        throw EngineException.invalid(EngineMessage.FACTS_NEED_BUSYBOX, c.name(), String.join(" ", lines));
      }
      int kernels = 0;
      for (Digest d : images0.get(c.imageDigest()).diffIds()) {
        Path boot = layers.get(d).diff().resolve("boot");
        if (Files.isDirectory(boot)) {
          try (var list = Files.list(boot)) {
            kernels += (int) list.filter(f -> f.getFileName().toString().startsWith("vmlinu")).count();
          }
        }
      }
      String seccomp = lines.size() > 4 ? lines.get(4).replaceAll("\\D", "") : "";
      return new BootFacts(c.name(), host.kernel(), lines.get(0).strip(), kernels,
          lines.get(1).strip(), c.state().pid(), lines.get(2).strip(), Integer.parseInt(lines.get(3).strip()),
          throwaway, confinement(c, seccomp.isEmpty() ? -1 : Integer.parseInt(seccomp)));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FACTS_FAILED, e, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED, e);
    } finally {
      if (throwaway) {
        containers.remove(c.id(), true);
      }
    }
  }

  /** Its seccomp filter and AppArmor profile, from the spec its runtime was given; {@code mode} read live. */
  private Confinement confinement(Container c, int mode) {
    JsonNode spec;
    try {
      spec = JSON.readTree(containerStore.files(c.id()).bundle().config().toFile());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.SPEC_READ_FAILED, e, c.name(), e.getMessage());
    }
    JsonNode seccomp = spec.path("linux").path("seccomp");
    Set<String> names = new HashSet<>();
    seccomp.path("syscalls").forEach(r -> r.path("names").forEach(n -> names.add(n.asText())));
    SecurityOpts opts = c.hostConfig().security();
    String profile = opts.seccompUnconfined() || c.hardening().privileged() ? SecurityOpts.UNCONFINED : opts.customSeccomp() ? "custom"
        : containers.security().defaultSeccomp().toString();
    JsonNode appArmor = spec.path("process").path("apparmorProfile");
    return new Confinement(mode, names.size(), seccomp.path("defaultAction").asText(""), profile,
        containers.security().appArmorAvailable(), appArmor.isTextual() ? appArmor.asText() : null);
  }

  /** {@code explain mount}: the container's union mount, each lower dir mapped back to its layer. */
  @Override
  public MountReport mount(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    Path dir = layout.container(c.id());
    Image image = images0.get(c.imageDigest());
    if (!StorageDriverName.of(c.driver()).unionMount()) {
      return copyReport(c, image);
    }
    List<MountReport.Lower> lowers = new ArrayList<>();
    lowers.add(new MountReport.Lower(Layout.containerFilesAt(dir).init(), MountReport.INIT, ""));
    List<ImageConfig.History> steps = (image.config().history() == null ? List.<ImageConfig.History>of()
        : image.config().history()).stream().filter(h -> !Boolean.TRUE.equals(h.emptyLayer())).toList();
    List<Digest> ids = image.diffIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      lowers.add(new MountReport.Lower(layers.get(ids.get(i)).diff(), ids.get(i).toString(),
          i < steps.size() ? steps.get(i).createdBy() : ""));
    }
    Path merged = Layout.containerFilesAt(dir).merged();
    String options = null;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && f[4].equals(merged.toString())) {
          options = f[f.length - 1];
        }
      }
    } catch (IOException e) {
      // shown as not mounted
    }
    boolean mounted = options != null;
    if (!mounted) {
      options = "lowerdir=" + String.join(":", lowers.stream().map(l -> l.dir().toString()).toList())
          + ",upperdir=" + Layout.containerFilesAt(dir).upper() + ",workdir=" + Layout.containerFilesAt(dir).work() + ",redirect_dir=off,index=off";
    }
    return new MountReport(c.name(), mounted, options, lowers, Layout.containerFilesAt(dir).upper(),
        Layout.containerFilesAt(dir).work(), merged);
  }

  /** Under vfs: the container's root is a full copy of its image's layers; their sizes, measured now. */
  private MountReport copyReport(Container c, Image image) {
    List<ImageConfig.History> steps = (image.config().history() == null ? List.<ImageConfig.History>of()
        : image.config().history()).stream().filter(h -> !Boolean.TRUE.equals(h.emptyLayer())).toList();
    List<Digest> ids = image.diffIds();
    List<MountReport.Lower> lowers = new ArrayList<>();
    long layerBytes = 0;
    for (int i = ids.size() - 1; i >= 0; i--) {
      lowers.add(new MountReport.Lower(layers.get(ids.get(i)).diff(), ids.get(i).toString(),
          i < steps.size() ? steps.get(i).createdBy() : ""));
      layerBytes += layers.sizeOnDisk(ids.get(i));
    }
    Path rootfs = layout.containerFiles(c.id()).rootfs();
    long bytes;
    try {
      bytes = Trees.size(rootfs);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.COPY_MEASURE_FAILED, e, rootfs, e.getMessage());
    }
    return new MountReport(c.name(), false, "", lowers, rootfs, rootfs, rootfs,
        new MountReport.Copy(rootfs, bytes, layerBytes));
  }
}
