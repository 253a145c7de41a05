package dev.docklab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Info;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.Loaded;
import dev.docklab.engine.api.MountReport;
import dev.docklab.engine.api.NetworkFacts;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.Pulled;
import dev.docklab.engine.api.Pushed;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.api.Volume;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.bootstrap.BusyboxImage;
import dev.docklab.engine.bootstrap.WebImage;
import dev.docklab.engine.build.Builder;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.container.ContainerStore;
import dev.docklab.engine.container.UpperDir;
import dev.docklab.engine.image.Archives;
import dev.docklab.engine.image.ConfigChanges;
import dev.docklab.engine.image.ImageAssembler;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.image.Manifest;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.TreeTar;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.network.NetworkStore;
import dev.docklab.engine.network.Subnet;
import dev.docklab.engine.registry.client.RegistryClient;
import dev.docklab.engine.registry.client.Transfers;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.RuntimeChoice;
import dev.docklab.engine.storage.OverlayDriver;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.storage.VfsDriver;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.volume.VolumeStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The engine's façade: what the shell, the lessons and a future API server call. It never prints and
 * never exits; it reports what it does through an {@link EngineListener} and fails with
 * {@link EngineException}s whose messages a learner can read.
 */
public final class Engine implements AutoCloseable {
  public static final String VERSION = "0.1.0";
  private final Layout layout;
  private final HostFacts host;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final ContainerStore containerStore;
  private final ContainerService containers;
  private BridgeNetwork bridge;
  private final Map<String, BridgeNetwork> userNetworks = new HashMap<>();
  private final NetworkStore networkStore;
  private final Registries registries;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final Explanations explanations;
  private final VolumeStore volumes;
  private final Thread reaper;
  private volatile boolean closed;
  private final EngineListener listener;
  private final EngineOptions options;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private Engine(EngineOptions options, EngineListener listener, FileChannel lockChannel, FileLock lock) {
    Posix posix = Posix.host();
    this.options = options;
    this.listener = listener;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.layout = new Layout(options.dataRoot());
    this.host = HostFacts.probe();
    this.blobs = new BlobStore(layout);
    this.layers = new LayerStore(layout, posix);
    this.images = new ImageStore(layout, blobs, layers);
    this.containerStore = new ContainerStore(layout);
    this.driver = switch (options.storageDriver()) {
      case "overlay2", "overlay" -> new OverlayDriver(posix);
      case "vfs" -> new VfsDriver();
      default -> throw EngineException.invalid("unknown storage driver \"" + options.storageDriver()
          + "\": choose overlay2 or vfs");
    };
    this.runtime = new OciRuntime(RuntimeChoice.choose(host, options.runtime()), layout.runtimeState());
    Path conmonBinary = Conmon.find();
    if (conmonBinary == null) {
      throw EngineException.system("the container monitor conmon is not installed: install it with "
          + "apt-get install conmon (scripts/docklab does this for you)", null);
    }
    this.conmon = new Conmon(conmonBinary, runtime, layout.exits());
    this.volumes = new VolumeStore(layout);
    this.networkStore = new NetworkStore(layout.root().resolve("networks"));
    this.containers = new ContainerService(containerStore, images, layers, driver, runtime, conmon, host, listener,
        volumes, this::network);
    this.explanations = new Explanations(this, layout, images, layers, containerStore, containers, host);
    this.registries = new Registries(layout, blobs, layers, images, listener, this::blobsOf);
    containers.setExitCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Reconcile.class.getName(), layout.root().toAbsolutePath().toString(),
        options.storageDriver(), options.runtime() == null ? "-" : options.runtime()));
    this.reaper = new Thread(this::reapLoop, "docklab-reaper");
    this.reaper.setDaemon(true);
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
    var config = networkStore.find(name);
    if (config == null) {
      throw EngineException.notFound("network " + name + " not found");
    }
    return userNetworks.computeIfAbsent(config.id(), id -> new BridgeNetwork(
        BridgeNetwork.plugins(), config.name(), config.cniName(), config.device(),
        Subnet.parse(config.subnet())));
  }

  /** Records containers that end while this engine is open, and applies their restart policies. */
  private void reapLoop() {
    while (!closed) {
      try {
        Thread.sleep(200);
        containers.reap();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a container changed under our feet: look again next round
      }
    }
  }

  /**
   * Opens the data root, taking its lock (one engine per data root), and reconciles what a crash may
   * have left: temp files, stale mounts, containers recorded as running that are gone.
   */
  public static Engine open(EngineOptions options, EngineListener listener) {
    if (Posix.host().geteuid() != 0) {
      throw EngineException.invalid("docklab's engine needs root to mount filesystems and run containers: "
          + "run it with sudo, or as root");
    }
    Layout layout = new Layout(options.dataRoot());
    FileChannel ch = null;
    try {
      Files.createDirectories(layout.root());
      ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = null;
      Path owner = layout.root().resolve("engine.owner");
      // A docklab that conmon started to apply a restart policy holds the data root for a moment: wait
      // for it. Any other holder is a docklab the learner opened: say so at once.
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (true) {
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // this very process holds it already
        }
        boolean passing = lock == null && Files.exists(owner) && Files.readString(owner).strip().endsWith(" reconcile");
        if (lock != null || !passing || System.nanoTime() > deadline) {
          break;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (lock == null) {
        ch.close();
        throw EngineException.conflict("another docklab engine is using " + layout.root()
            + ": close the other docklab first, or use another data root (--data-root DIR)");
      }
      AtomicFiles.writeNoSync(owner, (ProcessHandle.current().pid() + " "
          + System.getProperty("docklab.role", "engine") + "\n").getBytes(StandardCharsets.UTF_8));
      Engine engine = new Engine(options, listener, ch, lock);
      engine.recover();
      engine.reaper.start();
      return engine;
    } catch (IOException e) {
      closeQuietly(ch);
      throw EngineException.system("cannot open the data root " + layout.root() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  private void recover() throws IOException {
    Trees.deleteRecursively(layout.tmp());
    layers.cleanTemp();
    containerStore.cleanTrash();
    containers.reconcile();
  }

  /**
   * Whether a base image docklab makes offline ({@code busybox}, {@code web}) was never made on this
   * data root. Each is made once: an image the learner removes later is pulled back from the hub
   * (where the bootstrap published it), as on Docker, not rebuilt behind their back.
   */
  public boolean baseImagesMissing() {
    return !bootstrapped().containsAll(List.of("busybox", WebImage.NAME));
  }

  private List<String> bootstrapped() {
    try {
      Path f = layout.root().resolve("bootstrapped");
      return Files.exists(f) ? Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
          : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void markBootstrapped(String name) {
    List<String> all = new ArrayList<>(bootstrapped());
    if (!all.contains(name)) {
      all.add(name);
      AtomicFiles.write(layout.root().resolve("bootstrapped"),
          (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Builds the offline base images not made yet on this data root; returns the tags it made (empty if none). */
  public List<String> ensureBaseImages() {
    List<String> tags = new ArrayList<>();
    ImageReference latest = ImageReference.parse("busybox:latest");
    List<String> done = bootstrapped();
    if (!done.contains("busybox") && images.byReference(latest) == null) {
      long t0 = System.nanoTime();
      BusyboxImage.Recipe recipe = BusyboxImage.recipe(options.busybox());
      ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images);
      for (byte[] layer : recipe.layers()) {
        Digest diffId = assembler.addLayer(new ByteArrayInputStream(layer));
        listener.on(new EngineEvent("layer", "busybox", diffId.toString(), Duration.ZERO));
      }
      Digest id = assembler.finish(recipe.config());
      for (String tag : recipe.tags()) {
        ImageReference ref = latest.withTag(tag);
        images.tag(ref, id);
        tags.add(ref.familiarString());
      }
      listener.on(new EngineEvent("image", "busybox", id.toString(), Duration.ofNanos(System.nanoTime() - t0)));
    }
    markBootstrapped("busybox");
    if (!done.contains(WebImage.NAME) && images.byReference(ImageReference.parse(WebImage.NAME + ":latest")) == null) {
      tags.addAll(buildWebImage());
    }
    markBootstrapped(WebImage.NAME);
    if (!tags.isEmpty()) {
      publishBaseImages();
    }
    return tags;
  }

  /** {@code web}: built FROM busybox by docklab's own builder from a Dockerfile and one page. */
  private List<String> buildWebImage() {
    Path context = layout.tmp().resolve("web-context-" + ProcessHandle.current().pid());
    try {
      Trees.deleteRecursively(context);
      Files.createDirectories(context);
      Files.writeString(context.resolve("index.html"), WebImage.INDEX_HTML);
      Path script = Files.writeString(context.resolve("httpd-foreground"), WebImage.FOREGROUND_SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      List<String> tags = WebImage.TAGS.stream().map(t -> WebImage.NAME + ":" + t).toList();
      build(new BuildRequest(context, "Dockerfile", WebImage.DOCKERFILE, tags, Map.of(),
          false), line -> { }, (stream, bytes) -> { });
      return tags;
    } catch (IOException e) {
      throw EngineException.system("could not build the web image: " + e.getMessage(), e);
    } finally {
      try {
        Trees.deleteRecursively(context);
      } catch (IOException e) {
        // tmp is emptied when the engine next opens
      }
    }
  }

  // ---- images

  public List<Image> images() {
    return images.list();
  }

  /** The image a reference or id names, or null. */
  public Image findImage(String nameOrId) {
    return listener.timed("resolve", nameOrId, i -> i == null ? "not found" : i.id().toString(),
        () -> images.find(nameOrId));
  }

  // ---- registries (see Registries)

  /** The registry client, with daemon.json's mirrors and the login store; made on first use. */
  public RegistryClient registryClient() {
    return registries.client();
  }

  /** {@code docker pull REF}: from the mirrors or the image's registry; tags it locally. */
  public Pulled pull(String reference,
      Progress progress) {
    return registries.pull(reference, progress);
  }

  /** The tags a repository has in its registry ({@code docker pull --all-tags}). */
  public List<String> remoteTags(String repository) {
    return registries.tags(repository);
  }

  /** {@code docker push REF}: the local image of that name to its registry. */
  public Pushed push(String reference,
      Progress progress) {
    return registries.push(reference, progress);
  }

  /** {@code docker login}: checks the login against the registry, then keeps it. */
  public void login(String server, String user, String password) {
    registries.login(server, user, password);
  }

  /** {@code docker logout}: false when there was no login for the server. */
  public boolean logout(String server) {
    return registries.logout(server);
  }

  /** {@code docker search}: Docker Hub's search, asked of the mirrors first (the hub in a classroom). */
  public JsonNode search(String term, int limit) {
    return registries.search(term, limit);
  }

  /** Starts docklab's own hub in this process on daemon.json's {@code hub} address, if not yet. */
  public void startHub() {
    registries.startHub();
  }

  /** Official images in docklab's hub: the offline base images, so a fresh install can search and pull. */
  public void publishBaseImages() {
    registries.publishBaseImages();
  }

  /**
   * {@code docker import}: a rootfs tarball (plain or gzip) becomes a one-layer image, tagged with
   * {@code reference} when given. Returns the new image id.
   */
  public Digest importImage(InputStream tarball, String reference, String source) {
    ImageReference ref = reference == null ? null : ImageReference.parse(reference).withDefaultTag();
    if (ref != null && ref.digest() != null) {
      throw EngineException.invalid("refusing to create a tag with a digest reference");
    }
    ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images);
    assembler.addLayer(tarball);
    String now = Instant.now().toString();
    String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
    ImageConfig config = new ImageConfig(arch, "linux", now, null, ImageConfig.RunConfig.of(null, null), null,
        List.of(new ImageConfig.History(now, "", null, "Imported from " + source, null)));
    Digest id = assembler.finish(config);
    if (ref != null) {
      images.tag(ref, id);
    }
    return id;
  }

  // ---- containers

  /**
   * {@code docker run} in the foreground: resolves the image, creates the container, runs it with its
   * output going to {@code output} (stream 1 stdout, 2 stderr) and returns when it exits.
   */
  public RunResult run(RunRequest request, BiConsumer<Integer, byte[]> output) {
    Image image = resolveForRun(request.image());
    return start(create(request, image), output);
  }

  /** {@code docker create}, the first half of {@code docker run}: records the container. */
  public Container create(RunRequest request, Image image) {
    return listener.timed("new", request.image(), Container::id, () -> containers.create(request, image));
  }

  /** Runs a created container in the foreground, attached, until it exits. */
  public RunResult start(Container created, BiConsumer<Integer, byte[]> output) {
    return containers.runForeground(created, output);
  }

  /**
   * {@code docker start} (and {@code run -d}): starts the container and returns at once; with
   * {@code attach}, the returned {@link Started} holds its stdio.
   */
  public Started startDetached(String nameOrId, boolean attach) {
    return containers.start(nameOrId, attach);
  }

  /** {@code docker wait}: blocks until the container's current run ends; returns its exit code. */
  public int waitContainer(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    return c.state().running() ? containers.waitExit(c) : c.state().exitCode();
  }

  public Container stop(String nameOrId, int timeoutSeconds) {
    return containers.stop(nameOrId, timeoutSeconds);
  }

  /** {@code docker stop -s SIGNAL -t SECONDS}. */
  public Container stop(String nameOrId, int timeoutSeconds, String signal) {
    return containers.stop(nameOrId, timeoutSeconds, signal);
  }

  /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}...) to a running container. */
  public Container kill(String nameOrId, String signal) {
    return containers.kill(nameOrId, signal);
  }

  public Container restart(String nameOrId, int timeoutSeconds) {
    return containers.restart(nameOrId, timeoutSeconds);
  }

  public Container pause(String nameOrId) {
    return containers.pause(nameOrId);
  }

  public Container unpause(String nameOrId) {
    return containers.unpause(nameOrId);
  }

  public Container rename(String nameOrId, String newName) {
    return containers.rename(nameOrId, newName);
  }

  /** {@code docker top}: the container's processes, as the host's {@code ps -ef} shows them. */
  public String top(String nameOrId) {
    return containers.top(nameOrId);
  }

  /** {@code docker attach}: the container's stdio. */
  public Attachment attach(String nameOrId) {
    return containers.attach(nameOrId);
  }

  /** The command line that runs {@code command} in a running container ({@code docker exec}). */
  public List<String> execCommand(String nameOrId, List<String> command, List<String> env, boolean tty) {
    return containers.execCommand(nameOrId, command, env, tty);
  }

  /**
   * {@code docker inspect}: a container or an image, by name or id (containers first, as Docker), in
   * the Engine API's shape. {@code type} is "container", "image" or null for either.
   */
  public Map<String, Object> inspect(String nameOrId, String type) {
    Map<String, String> ids = new HashMap<>();
    networkStore.list().forEach(n -> ids.put(n.name(), n.id()));
    Inspector inspector = new Inspector(layout, runtime.choice().name(), ids);
    if (type == null || type.equals("container")) {
      try {
        Container c = containerStore.find(nameOrId);
        Image image;
        try {
          image = images.get(Digest.parse(c.imageId()));
        } catch (EngineException e) {
          image = null;
        }
        return inspector.container(c, image, c.driver());
      } catch (EngineException e) {
        if (e.kind() != EngineException.Kind.NOT_FOUND || "container".equals(type)) {
          throw e;
        }
      }
    }
    Image img = null;
    try {
      img = images.find(nameOrId);
    } catch (EngineException e) {
      // not a valid reference either
    }
    if (img == null) {
      throw EngineException.notFound("No such " + (type == null ? "object" : type) + ": " + nameOrId);
    }
    return inspector.image(img);
  }

  /** The networks {@code docker network ls} lists: Docker's three built-in ones. */
  public List<String> networks() {
    List<String> all = new ArrayList<>(List.of("bridge", "host", "none"));
    networkStore.list().forEach(n -> all.add(n.name()));
    return all;
  }

  /** {@code docker network inspect NAME}, in Docker's shape; the network's running containers with their addresses. */
  public Map<String, Object> inspectNetwork(String name) {
    Inspector inspector = new Inspector(layout, runtime.choice().name());
    var user = networkStore.find(name);
    if (user != null) {
      return inspector.network(user.name(), user.id(), "bridge", user.subnet(), user.device(), user.created(),
          containerStore.list());
    }
    String found = List.of("bridge", "host", "none").stream()
        .filter(n -> n.equals(name) || Inspector.networkId(n).startsWith(name))
        .findFirst().orElseThrow(() -> EngineException.notFound("network " + name + " not found"));
    String subnet = found.equals("bridge") ? bridge().subnet().toString() : null;
    return inspector.network(found, Inspector.networkId(found), found.equals("none") ? "null" : found, subnet,
        found.equals("bridge") ? BridgeNetwork.DEVICE : null, null, containerStore.list());
  }

  /** {@code docker network create [--subnet CIDR] NAME}: a bridge network of its own; returns its id. */
  public String createNetwork(String name, String subnet) {
    List<Subnet> used = new ArrayList<>(
        BridgeNetwork.hostSubnets());
    used.add(bridge().subnet());
    var c = networkStore.create(name, subnet, used);
    listener.on(new EngineEvent("network", name, "created " + c.device() + " for " + c.subnet(), Duration.ZERO));
    return c.id();
  }

  /**
   * {@code docker network rm NAME}: refused for the predefined ones and while a container runs on it;
   * its bridge, rules and leases go.
   */
  public String removeNetwork(String name) {
    if (List.of("bridge", "host", "none").contains(name)) {
      throw EngineException.conflict(name + " is a pre-defined network and cannot be removed");
    }
    var c = networkStore.find(name);
    if (c == null) {
      throw EngineException.notFound("network " + name + " not found");
    }
    boolean active = containerStore.list().stream().anyMatch(x -> x.state().running()
        && x.hostConfig().networkMode().equals(c.name()));
    if (active) {
      throw EngineException.conflict("error while removing network: network " + c.name() + " id " + c.id()
          + " has active endpoints");
    }
    network(c.name()).destroy();
    synchronized (this) {
      userNetworks.remove(c.id());
    }
    networkStore.remove(c);
    return c.name();
  }

  /** {@code docker network prune}: the user networks no container uses; returns their names. */
  public List<String> pruneNetworks() {
    List<String> gone = new ArrayList<>();
    for (var c : networkStore.list()) {
      boolean used = containerStore.list().stream().anyMatch(x -> x.hostConfig().networkMode().equals(c.name()));
      if (!used) {
        gone.add(removeNetwork(c.name()));
      }
    }
    return gone;
  }

  /** {@code docker save}: the named images as one docker-archive tar. */
  public void save(List<String> names, OutputStream out) {
    List<Image> list = new ArrayList<>();
    List<List<ImageReference>> tags = new ArrayList<>();
    for (String n : names) {
      Image img = images.find(n);
      if (img == null) {
        throw EngineException.notFound("No such image: " + n);
      }
      boolean byId = n.startsWith("sha256:") || img.id().hex().startsWith(n);
      ImageReference ref = byId ? null : ImageReference.parse(n);
      if (ref != null && ref.tag() == null && ref.digest() == null) {
        // a name alone saves every tag of that repository, as Docker does
        for (Image each : images.list()) {
          List<ImageReference> same = each.repoTags().stream().filter(t -> t.name().equals(ref.name())).toList();
          if (!same.isEmpty()) {
            list.add(each);
            tags.add(same);
          }
        }
        continue;
      }
      list.add(img);
      tags.add(byId ? List.of() : List.of(ref.withDefaultTag()));
    }
    try {
      new Archives(layout, blobs, layers, images).save(list, tags, out);
    } catch (IOException e) {
      throw EngineException.system("could not write the archive: " + e.getMessage(), e);
    }
  }

  /** {@code docker load}: images from a docker-archive or OCI layout tar. */
  public List<Loaded> load(InputStream archive) {
    return new Archives(layout, blobs, layers, images).load(archive);
  }

  /**
   * {@code docker export}: the container's whole filesystem (its image's layers with its own changes
   * on top) as one tar, as the container sees it.
   */
  public void export(String nameOrId, OutputStream out) {
    Container c = containerStore.find(nameOrId);
    Path dir = layout.container(c.id());
    Image image = images.get(Digest.parse(c.imageId()));
    List<Path> lowers = new ArrayList<>();
    for (Digest d : image.diffIds()) {
      lowers.add(0, layers.get(d).diff());
    }
    boolean mountedHere = !c.state().running();
    StorageDriver.RootFs root = mountedHere ? driver.mount(dir, lowers)
        : new StorageDriver.RootFs(dir.resolve(c.driver().equals("vfs") ? "rootfs" : "merged"), null, null, lowers, "");
    try {
      TreeTar.write(root.merged(), out);
    } catch (IOException e) {
      throw EngineException.system("could not export " + nameOrId + ": " + e.getMessage(), e);
    } finally {
      if (mountedHere) {
        driver.unmount(dir);
      }
    }
  }

  /** {@code explain layers}: the image as its stack of layers, with what each did and who shares it. */
  public LayerReport layerReport(String nameOrId) {
    return explanations.layerReport(nameOrId);
  }

  /** {@code explain cow}: the container's read-write layer, each entry a copy-up, new file, deletion or opaque dir. */
  public Map<String, CowEvent> cowSnapshot(String nameOrId) {
    return explanations.cowSnapshot(nameOrId);
  }

  /** {@code explain file}: which layer a path in a container comes from, top-most first. */
  public FileReport fileReport(String nameOrId, String path) {
    return explanations.fileReport(nameOrId, path);
  }

  /** {@code explain boot}: live facts from a running container, or from one started for the purpose. */
  /** {@code explain network CONTAINER}. */
  public NetworkFacts networkFacts(String nameOrId) {
    return explanations.networkFacts(nameOrId);
  }

  public BootFacts bootFacts(String nameOrId) {
    return explanations.bootFacts(nameOrId);
  }

  /** {@code explain mount}: the container's union mount, each lower dir mapped back to its layer. */
  public MountReport mountReport(String nameOrId) {
    return explanations.mountReport(nameOrId);
  }

  /** The unpacked size of one layer, for {@code docker history}. */
  public long layerSize(Digest diffId) {
    return layers.has(diffId) ? layers.get(diffId).size() : 0;
  }

  /** {@code docker diff}: what the container changed, from its read-write layer. */
  public List<Change> diff(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    try {
      return upperDir(c).changes();
    } catch (IOException e) {
      throw EngineException.system("could not read the changes of " + nameOrId + ": " + e.getMessage(), e);
    }
  }

  UpperDir upperDir(Container c) {
    if (c.driver().equals("vfs")) {
      throw EngineException.invalid("diff and commit need the overlay2 storage driver: with vfs, the container's "
          + "changes are not kept apart from its image");
    }
    Image image = images.get(Digest.parse(c.imageId()));
    List<Path> lowers = new ArrayList<>();
    for (Digest d : image.diffIds()) {
      lowers.add(0, layers.get(d).diff());
    }
    return new UpperDir(layout.container(c.id()).resolve("upper"), lowers, Posix.host());
  }

  /**
   * {@code docker commit}: the container's read-write layer becomes a new layer on top of its image's
   * layers, with the container's command and environment as the new config (then {@code changes}
   * applied). Returns the new image id; tags it when {@code reference} is not null.
   */
  public Digest commit(String nameOrId, String reference, String author, String message, List<String> changes,
      boolean pause) {
    Container c = containerStore.find(nameOrId);
    ImageReference ref = reference == null ? null : ImageReference.parse(reference).withDefaultTag();
    Image base = images.get(Digest.parse(c.imageId()));
    UpperDir upper = upperDir(c);
    boolean paused = false;
    if (pause && c.state().running() && !c.state().paused()) {
      containers.pause(c.id());
      paused = true;
    }
    try {
      ImageConfig.RunConfig rc = base.config().configOrEmpty();
      List<String> entrypoint = rc.entrypoint() == null ? List.of() : rc.entrypoint();
      List<String> command = c.command();
      List<String> cmd = command.size() >= entrypoint.size() && command.subList(0, entrypoint.size()).equals(entrypoint)
          ? command.subList(entrypoint.size(), command.size()) : command;
      List<String> env = c.env().stream().filter(e -> !e.startsWith("HOSTNAME=")).toList();
      ImageConfig.RunConfig next = ConfigChanges.apply(new ImageConfig.RunConfig(rc.user(), env, rc.entrypoint(),
          cmd, rc.workingDir(), rc.labels(), rc.exposedPorts(), rc.volumes(), rc.stopSignal()),
          changes == null ? List.of() : changes);
      String now = Instant.now().toString();
      List<ImageConfig.History> history = new ArrayList<>(base.config().history() == null ? List.of()
          : base.config().history());
      history.add(new ImageConfig.History(now, String.join(" ", command), author, message, null));
      Digest id = commitLayer(upper, base, new ImageConfig(base.config().architecture(), base.config().os(), now,
          author, next, null, history));
      if (ref != null) {
        images.tag(ref, id);
      }
      return id;
    } finally {
      if (paused) {
        containers.unpause(c.id());
      }
    }
  }

  /** The read-write layer of a container as a new layer on {@code base}, with {@code config}. */
  Digest commitLayer(UpperDir upper, Image base, ImageConfig config) {
    try {
      ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images).from(base);
      PipedInputStream in = new PipedInputStream(1 << 16);
      PipedOutputStream out = new PipedOutputStream(in);
      IOException[] failed = {null};
      Thread writer = new Thread(() -> {
        try (out) {
          upper.writeTar(out);
        } catch (IOException e) {
          failed[0] = e;
        }
      }, "commit-tar");
      writer.start();
      assembler.addLayer(in);
      writer.join();
      if (failed[0] != null) {
        throw failed[0];
      }
      return assembler.finish(config);
    } catch (IOException e) {
      throw EngineException.system("could not commit the container's changes: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system("interrupted while committing", e);
    }
  }

  /**
   * {@code docker build}: runs the Dockerfile's steps on this engine; {@code say} gets the builder's
   * lines, {@code output} what RUN steps print. Returns the new image id.
   */
  public Digest build(BuildRequest request, Consumer<String> say,
      BiConsumer<Integer, byte[]> output) {
    return new Builder(new BuildHostAdapter(this, layout, blobs, layers, images, containers,
        containerStore), say, output).noCache(request.noCache()).build(request);
  }

  /** {@code docker tag SOURCE TARGET}: another name for the same image, nothing copied. */
  public Image tag(String source, String target) {
    Image img = images.find(source);
    if (img == null) {
      throw EngineException.notFound("No such image: " + ImageReference.parse(source).withDefaultTag().familiarString());
    }
    ImageReference ref = ImageReference.parse(target).withDefaultTag();
    if (ref.digest() != null) {
      throw EngineException.invalid("refusing to create a tag with a digest reference");
    }
    images.tag(ref, img.id());
    return images.get(img.id());
  }

  /**
   * {@code docker rmi}: removes a name; when it was the image's last name (or the image was named by
   * id), deletes the image and every layer no other image uses. An image a container uses is kept
   * unless {@code force} (and never while that container runs).
   */
  public Removal removeImage(String nameOrId, boolean force) {
    return removeImage(nameOrId, force, true);
  }

  /** {@code docker rmi [--no-prune]}: with {@code prune} false, the untagged step images under it stay. */
  public Removal removeImage(String nameOrId, boolean force, boolean prune) {
    Image img = images.find(nameOrId);
    if (img == null) {
      throw EngineException.notFound("No such image: " + (Digest.isDigest(nameOrId) || nameOrId.matches("[0-9a-f]{4,64}")
          ? nameOrId : ImageReference.parse(nameOrId).withDefaultTag().familiarString()));
    }
    boolean byId = nameOrId.startsWith("sha256:") || img.id().hex().startsWith(nameOrId);
    List<String> untagged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    if (!byId && img.repoTags().size() > 1) {
      ImageReference ref = ImageReference.parse(nameOrId).withDefaultTag();
      images.untag(ref);
      untagged.add(ref.familiarString());
      return new Removal(untagged, deleted, 0);
    }
    if (byId && img.repoTags().size() > 1 && !force) {
      throw EngineException.conflict("conflict: unable to delete " + img.id().shortHex()
          + " (must be forced) - image is referenced in multiple repositories");
    }
    for (Container c : containerStore.list()) {
      if (c.imageId().equals(img.id().toString())) {
        if (c.state().running()) {
          throw EngineException.conflict("conflict: unable to delete " + img.id().shortHex()
              + " (cannot be forced) - image is being used by running container " + c.shortId());
        }
        if (!force) {
          throw EngineException.conflict(byId ? "conflict: unable to delete " + img.id().shortHex()
              + " (must be forced) - image is being used by stopped container " + c.shortId()
              : "conflict: unable to remove repository reference \"" + nameOrId + "\" (must force) - container "
                  + c.shortId() + " is using its referenced image " + img.id().shortHex());
        }
      }
    }
    for (ImageReference ref : img.repoTags()) {
      images.untag(ref);
      untagged.add(ref.familiarString());
    }
    boolean usedByContainer = containerStore.list().stream().anyMatch(c -> c.imageId().equals(img.id().toString()));
    if (usedByContainer) {
      return new Removal(untagged, deleted, 0); // forced: the name goes, the image stays for its containers
    }
    for (ImageReference digestRef : img.repoDigests()) {
      images.untag(digestRef);
      untagged.add(digestRef.familiarString());
    }
    List<Digest> ownBlobs = blobsOf(img);
    Image parent = images.list().stream().filter(img::isBuiltOn)
        .max(Comparator.comparingInt(p -> p.config().history() == null ? 0 : p.config().history().size()))
        .orElse(null);
    images.remove(img.id());
    deleted.add(img.id().toString());
    Set<Digest> stillUsed = new HashSet<>();
    for (Image other : images.list()) {
      stillUsed.addAll(other.diffIds());
    }
    List<Digest> mine = new ArrayList<>(img.diffIds());
    Collections.reverse(mine);
    long reclaimed = 0;
    for (Digest d : mine) {
      if (!stillUsed.contains(d)) {
        reclaimed += layerSize(d);
        layers.delete(d);
        deleted.add(d.toString());
      }
    }
    Set<Digest> blobsInUse = new HashSet<>();
    for (Image other : images.list()) {
      blobsInUse.addAll(blobsOf(other));
    }
    for (Digest b : ownBlobs) {
      if (!blobsInUse.contains(b)) {
        blobs.delete(b);
      }
    }
    // As Docker: the untagged step images under it go too, while nothing else stands on them.
    if (prune && parent != null && parent.repoTags().isEmpty()
        && images.list().stream().noneMatch(other -> other.isBuiltOn(parent))
        && containerStore.list().stream().noneMatch(c -> c.imageId().equals(parent.id().toString()))) {
      Removal more = removeImage(parent.id().toString(), false);
      deleted.addAll(more.deleted());
      reclaimed += more.reclaimedBytes();
    }
    return new Removal(untagged, deleted, reclaimed);
  }

  /** The blobs an image stands on: its config, its manifest and its layers' blobs. */
  List<Digest> blobsOf(Image img) {
    List<Digest> out = new ArrayList<>(List.of(img.id(), img.manifest()));
    try {
      Manifest m = new ObjectMapper()
          .readValue(blobs.read(img.manifest()), Manifest.class);
      m.layers().forEach(l -> out.add(Digest.parse(l.digest())));
    } catch (IOException | EngineException e) {
      // a missing manifest has no layers to keep
    }
    return out;
  }

  /** The bytes a container has written into its read-write layer ({@code docker ps -s}). */
  public long containerSize(String nameOrId) {
    Container c = containerStore.find(nameOrId);
    Path dir = layout.container(c.id());
    try {
      return Trees.size(dir.resolve(c.driver().equals("vfs") ? "rootfs" : "upper"));
    } catch (IOException e) {
      return 0;
    }
  }

  /** The container's log file (k8s-file format), for {@code docker logs}. */
  public Path logFile(String nameOrId) {
    return layout.container(containerStore.find(nameOrId).id()).resolve("container.log");
  }

  /** The image {@code docker run} would use, or the "Unable to find image" error. */
  public Image resolveForRun(String imageText) {
    return resolveForRun(imageText, Progress.NONE);
  }

  /** The image to run, pulled first when it is not here, as {@code docker run} does. */
  public Image resolveForRun(String imageText, Progress progress) {
    Image image = findImage(imageText);
    return image != null ? image : pull(imageText, progress).image();
  }

  /** Containers, newest first; all of them or only the running ones. */
  public List<Container> containers(boolean all) {
    return containerStore.list().stream().filter(c -> all || c.state().running()).toList();
  }

  public Container container(String nameOrId) {
    return containerStore.find(nameOrId);
  }

  /** {@code docker rm [-f]}. */
  public Container remove(String nameOrId, boolean force) {
    return containers.remove(nameOrId, force);
  }

  /** {@code docker rm [-f] [-v]}. */
  public Container remove(String nameOrId, boolean force, boolean removeVolumes) {
    return containers.remove(nameOrId, force, removeVolumes);
  }

  // ---- volumes

  public List<Volume> volumes() {
    return volumes.list();
  }

  /** {@code docker volume create [NAME]}: a random name when none is given. */
  public Volume createVolume(String name) {
    if (name == null) {
      byte[] b = new byte[32];
      new SecureRandom().nextBytes(b);
      return volumes.create(HexFormat.of().formatHex(b), true);
    }
    VolumeSpec.parseV(name + ":/x"); // checks the name
    return volumes.create(name, false);
  }

  /** {@code docker volume rm}: refused while a container (running or not) uses it, as in Docker. */
  public void removeVolume(String name, boolean force) {
    if (volumes.get(name) == null) {
      throw EngineException.notFound("get " + name + ": no such volume");
    }
    List<String> users = containerStore.list().stream()
        .filter(c -> c.mounts().stream().anyMatch(m -> name.equals(m.name()))).map(Container::id).toList();
    if (!users.isEmpty()) {
      throw EngineException.conflict("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
    }
    volumes.remove(name);
  }

  /** The volumes no container uses. */
  public List<String> unusedVolumes() {
    Set<String> used = new HashSet<>();
    containerStore.list().forEach(c -> c.mounts().forEach(m -> used.add(m.name())));
    return volumes.list().stream().map(Volume::name)
        .filter(n -> !used.contains(n)).toList();
  }

  // ---- host

  public Info info() {
    List<Container> all = containerStore.list();
    int running = (int) all.stream().filter(c -> c.state().running()).count();
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Info(all.size(), running, 0, all.size() - running, images.list().size(), driver.name(),
        backingFilesystem(), runtime.choice().name(), runtime.choice().reason(), host.cgroupVersion(),
        host.hybridCgroups(), "cgroupfs", host.kernel(), host.operatingSystem(), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), layout.root(), VERSION);
  }

  private String backingFilesystem() {
    try {
      String type = Files.getFileStore(layout.root()).type();
      return type.equals("ext4") || type.equals("ext3") || type.equals("ext2") ? "extfs" : type;
    } catch (IOException e) {
      return "unknown";
    }
  }

  public Layout layout() {
    return layout;
  }

  public HostFacts host() {
    return host;
  }

  @Override
  public void close() {
    closed = true;
    reaper.interrupt();
    try {
      reaper.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    containers.awaitDeletions();
    registries.close();
    removeEmptyCgroupParents();
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }

  /** rmdir the {@code docklab} cgroup parents when no container uses them (rmdir fails on a busy one). */
  private static void removeEmptyCgroupParents() {
    Path cg = Path.of("/sys/fs/cgroup");
    List<Path> candidates = new ArrayList<>(List.of(cg.resolve(ContainerService.CGROUP_PARENT)));
    try (var dirs = Files.list(cg)) {
      dirs.forEach(d -> candidates.add(d.resolve(ContainerService.CGROUP_PARENT)));
    } catch (IOException e) {
      return;
    }
    for (Path p : candidates) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // busy: a container still runs in it
      }
    }
  }
}
