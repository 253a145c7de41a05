package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Explain;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.api.Images;
import dev.docklab.engine.api.Networks;
import dev.docklab.engine.api.Registries;
import dev.docklab.engine.api.SystemService;
import dev.docklab.engine.api.Volumes;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.container.ContainerStore;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.network.NetworkStore;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.RuntimeChoice;
import dev.docklab.engine.storage.OverlayDriver;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.storage.VfsDriver;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.ShortLinks;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's services on one data root, wired together: made by the engine once it holds the data
 * root's lock. The engine hands them out; this class also recovers after a crash and records exits.
 */
public final class Services implements AutoCloseable {
  private final EngineParts parts;
  private final LocalRegistries registries;
  private final LocalImages images;
  private final LocalContainers containers;
  private final LocalNetworks networks;
  private final LocalVolumes volumes;
  private final LocalSystem system;
  private final Explanations explain;
  private final Keeper keeper;

  /** Makes the stores, the runtime, the monitor and the services; nothing is reconciled yet. */
  public Services(EngineOptions options, EngineListener listener) {
    Posix posix = Posix.host();
    Layout layout = new Layout(options.dataRoot());
    HostFacts host = HostFacts.probe();
    BlobStore blobs = new BlobStore(layout);
    LayerStore layers = new LayerStore(layout, posix);
    ImageStore imageStore = new ImageStore(layout, blobs, layers);
    ContainerStore containerStore = new ContainerStore(layout);
    StorageDriver driver = switch (StorageDriverName.of(options.storageDriver())) {
      case OVERLAY2 -> new OverlayDriver(posix);
      case VFS -> new VfsDriver();
    };
    OciRuntime runtime = new OciRuntime(RuntimeChoice.choose(host, options.runtime()), layout.runtimeState());
    Path conmonBinary = Conmon.find();
    if (conmonBinary == null) {
      throw EngineException.system(EngineMessage.CONMON_MISSING, null);
    }
    Conmon conmon = new Conmon(conmonBinary, runtime, layout.exits());
    VolumeStore volumeStore = new VolumeStore(layout);
    NetworkStore networkStore = new NetworkStore(layout.networks());
    this.networks = new LocalNetworks();
    ContainerService lifecycle = new ContainerService(containerStore, imageStore, layers, driver, runtime, conmon,
        host, listener, volumeStore, networks::network);
    this.parts = new EngineParts(options, listener, layout, host, blobs, layers, imageStore, containerStore,
        lifecycle, driver, runtime, volumeStore, networkStore);
    networks.setParts(parts);
    this.registries = new LocalRegistries(layout, blobs, layers, imageStore, listener,
        img -> ImageRemoval.blobsOf(blobs, img));
    ImageRemoval removal = new ImageRemoval(parts);
    this.keeper = new Keeper(parts, removal);
    this.images = new LocalImages(parts, registries, removal);
    this.system = new LocalSystem(parts, keeper);
    system.setBaseImages(new BaseImages(parts, images, registries), new TutorialImages(parts, images, registries));
    this.containers = new LocalContainers(parts, images, system);
    this.volumes = new LocalVolumes(parts);
    this.explain = new Explanations(parts, networks, images, containers);
    if (!options.exitCommand().isEmpty()) {
      List<String> exit = new ArrayList<>(options.exitCommand());
      exit.addAll(List.of(layout.root().toAbsolutePath().toString(), options.storageDriver(),
          options.runtime() == null ? "-" : options.runtime()));
      lifecycle.setExitCommand(exit);
    }
  }

  /**
   * Clears what a crash may have left: temp files, half-unpacked and half-deleted layers, stale mounts,
   * containers recorded as running that are gone, what was kept for a lesson's undo when no lesson
   * keeps it any more, then the step containers of a build, the pause of a commit, and the layers and
   * blobs no image (live or kept) stands on; last, the short links in {@code l/} whose layer is gone.
   */
  public void recover() throws IOException {
    // what was mounted under tmp (debootstrap's /proc and /sys in a tree being made) goes before the tree
    Debootstrap.unmountUnder(parts.layout().tmp(), Posix.host());
    Trees.deleteRecursively(parts.layout().tmp());
    parts.layers().recover();
    parts.containerStore().cleanTrash();
    keeper.sweepAtStart();
    parts.containers().reconcile();
    new CrashLeftovers(parts).clear();
    new ShortLinks(parts.layout()).dropDangling();
  }

  /** Records the containers that ended since the last call, and applies their restart policies. */
  public void reap() {
    parts.containers().reap();
    parts.containers().probeHealth();
  }

  public Images images() {
    return images;
  }

  public Containers containers() {
    return containers;
  }

  public Networks networks() {
    return networks;
  }

  public Volumes volumes() {
    return volumes;
  }

  public Registries registries() {
    return registries;
  }

  public SystemService system() {
    return system;
  }

  public Explain explain() {
    return explain;
  }

  /** Waits for background deletions, stops the hub, and removes the cgroup parents no container uses. */
  @Override
  public void close() {
    parts.containers().awaitDeletions();
    registries.close();
    removeEmptyCgroupParents();
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
