package dev.docklab.engine.container;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.Resources;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.api.Signals;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.api.StorageDriverName;
import dev.docklab.engine.api.StatsSample;
import dev.docklab.engine.api.UpdateRequest;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.bootstrap.BusyboxImage;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.network.HostPorts;
import dev.docklab.engine.runtime.CgroupStats;
import dev.docklab.engine.runtime.CgroupSupport;
import dev.docklab.engine.runtime.Cgroups;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.ResourceRules;
import dev.docklab.engine.runtime.SecurityProfiles;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.DaemonConfig;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Containers through their whole life: create (the read-write layer on the image's layers), start
 * (mount, OCI bundle, a monitor that runs the runtime), stop, kill, pause, restart, remove; and the
 * bookkeeping that keeps the records true when containers end with no REPL running. Each job around
 * the life has a class of its own in this package: the new record, volumes, the bundle, stopping,
 * exits and restart policies, crash recovery.
 */
public final class ContainerService {
  /** The cgroup parent under which every container's cgroup is made. */
  public static final String CGROUP_PARENT = "docklab";
  /** Held while a container's record changes: starts, exits, renames, removals. */
  private final Object lock = new Object();
  private final ContainerStore store;
  private final ImageStore images;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final EngineListener listener;
  private final ContainerNetworks nets;
  private final ContainerVolumes volumes;
  private final ContainerFactory factory;
  private final BundleFactory bundles;
  private final ExitWatcher exits;
  private final CrashRecovery recovery;
  private final ContainerStopper stopper;
  private final SecurityProfiles security;
  private final HealthMonitor health;
  private final CgroupSupport cgroupSupport;
  private final ContainerUpdater updater;
  private final CgroupStats cgroupStats;
  private final ContainerStarter starter;

  public ContainerService(ContainerStore store, ImageStore images, LayerStore layers, StorageDriver driver,
      OciRuntime runtime, Conmon conmon, HostFacts host, EngineListener listener,
      VolumeStore volumes, Function<String, BridgeNetwork> networks) {
    this.store = store;
    this.images = images;
    this.driver = driver;
    this.runtime = runtime;
    this.conmon = conmon;
    this.listener = listener;
    this.nets = new ContainerNetworks(store, listener, networks,
        new NetnsPool(store.layout().netnsPool(), 2, Posix.host(), listener));
    this.volumes = new ContainerVolumes(volumes);
    this.security = SecurityProfiles.probe(host);
    this.cgroupSupport = CgroupSupport.probe(host);
    this.updater = new ContainerUpdater(store, runtime, cgroupSupport);
    this.cgroupStats = new CgroupStats(host);
    this.factory = new ContainerFactory(store, nets, this.volumes, driver.name(), security);
    this.bundles = new BundleFactory(store, layers, nets, host);
    this.exits = new ExitWatcher(lock, store, driver, runtime, conmon, listener, nets, this.volumes, new Cgroups(host),
        this::startAgain);
    this.recovery = new CrashRecovery(lock, store, driver, runtime, conmon, nets, exits);
    this.stopper = new ContainerStopper(lock, store, runtime, listener, exits);
    this.health = new HealthMonitor(lock, store, runtime, listener);
    this.starter = new ContainerStarter(store, images, driver, runtime, conmon, listener, nets, this.volumes, bundles,
        security, exits);
  }

  /** Starts a container again, as its restart policy says (called under the lock). */
  private void startAgain(Container again) {
    starter.start(again, false);
  }

  /** The seccomp and AppArmor profiles containers run under on this host. */
  public SecurityProfiles security() {
    return security;
  }

  /** The cgroup of container {@code id}, as its OCI spec names it: {@code /docklab/ID}. */
  public static String cgroupsPath(String id) {
    return "/" + CGROUP_PARENT + "/" + id;
  }

  /** The cgroup of {@code c}: under its {@code --cgroup-parent} if it has one, else {@code /docklab/ID}. */
  public static String cgroupsPath(Container c) {
    String parent = c.resources().cgroupParent().replaceAll("/+$", "");
    if (parent.isEmpty()) {
      return cgroupsPath(c.id());
    }
    return (parent.startsWith("/") ? parent : "/" + parent) + "/" + c.id();
  }

  /** Docker's checks of {@code r} with the memory limit {@code memory} on this host: a refusal, or its warnings. */
  public ResourceRules.Checked checkResources(Resources r, long memory, boolean update) {
    return ResourceRules.check(r, memory, cgroupSupport, update);
  }

  /** Docker's checks of a run's resources, with the memory limit the container would get: its warnings. */
  public List<String> checkRequest(RunRequest req) {
    long memory = DaemonConfig.read(store.layout().daemonConfig()).memoryLimit(req.memory());
    return checkResources(req.resources(), memory, false).warnings();
  }

  /** {@code docker update}: new limits and restart policy, at once on a running container; Docker's warnings. */
  public List<String> update(String ref, UpdateRequest u) {
    synchronized (lock) {
      return updater.update(store.find(ref), u);
    }
  }

  /** One reading of a container's counters; all 0 when it is not running. */
  public StatsSample stats(String ref) {
    Container c = store.find(ref);
    if (!c.state().running()) {
      return new StatsSample(Instant.now(), 0, 0, Runtime.getRuntime().availableProcessors(), 0, 0, 0, 0, 0, 0, 0, 0);
    }
    return cgroupStats.read(cgroupsPath(c), c.state().pid());
  }

  /** What this host's cgroups offer. */
  public CgroupSupport cgroupSupport() {
    return cgroupSupport;
  }

  /**
   * Sets what conmon runs when a container with a restart policy exits: a docklab that opens this data
   * root, applies the policy and closes, so that policies act even when no docklab is open.
   */
  public void setExitCommand(List<String> command) {
    exits.setExitCommand(command);
  }

  /** Records a new container for {@code image}; nothing is mounted or started yet. */
  public Container create(RunRequest req, Image image) {
    synchronized (lock) {
      String name = factory.name(req);
      Container existing = store.byName(name);
      if (existing != null) {
        throw EngineException.conflict("Conflict. The container name \"/" + name
            + "\" is already in use by container \"" + existing.id()
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
      driver.checkDepth(image.diffIds().size());
      Container c = factory.build(name, req, image);
      c = c.withResources(checkResources(c.resources(), c.hostConfig().memory(), false).resources(), c.hostConfig());
      store.save(c);
      return c;
    }
  }

  /**
   * Starts a container: mounts its root, writes its bundle, and has a monitor create it; attaches to
   * its stdio first when {@code attach} (so no output is lost), then starts it. Starting a running
   * container does nothing, as in Docker.
   */
  public Started start(String nameOrId, boolean attach) {
    synchronized (lock) {
      Container c = store.find(nameOrId);
      if (c.state().running()) {
        return new Started(c, attach ? MonitorAttachment.open(store.files(c.id()).bundle()) : null);
      }
      return starter.start(c, attach);
    }
  }

  /** Waits for every background deletion: called when the engine closes. */
  public void awaitDeletions() {
    health.close();
    exits.awaitDeletions();
    nets.pool().close();
  }

  /**
   * {@code docker run} in the foreground: starts the container attached, passes its output to
   * {@code output} (stream 1 stdout, 2 stderr) until it ends, and returns its exit code.
   */
  public RunResult runForeground(Container created, BiConsumer<Integer, byte[]> output) {
    Started s = start(created.id(), true);
    long t0 = System.nanoTime();
    try (Attachment a = s.attachment()) {
      Attachment.Packet p;
      while ((p = a.read()) != null) {
        output.accept(p.stream(), p.data());
      }
    }
    listener.on(EngineEvent.said(EventStep.OUTPUT, created.id(), Duration.ofNanos(System.nanoTime() - t0),
        EngineMessage.EVENT_ATTACH_CLOSED));
    long t1 = System.nanoTime();
    int code = waitExit(s.container());
    listener.on(EngineEvent.said(EventStep.RECORDED, created.id(), Duration.ofNanos(System.nanoTime() - t1),
        EngineMessage.EVENT_RECORDED, code));
    Container after = store.byId(created.id());
    return new RunResult(after == null ? s.container() : after, code, after == null);
  }

  /**
   * Blocks until the given run of the container has ended (as {@code docker wait}) and returns its
   * exit code. The exit is recorded here or by the reaper, whichever sees it first.
   */
  public int waitExit(Container started) {
    return exits.waitExit(started);
  }

  /** Looks for containers that ended (while this engine runs, or while no engine ran) and records them. */
  public void reap() {
    exits.reap();
  }

  /** Starts the healthchecks' probes that are due (the engine's reaper calls it, as often as {@link #reap}). */
  public void probeHealth() {
    health.tick();
  }

  /**
   * {@code docker stop}: the container's stop signal (SIGTERM unless it has its own), then SIGKILL after
   * {@code timeoutSeconds} ({@code Containers.CONTAINER_TIMEOUT}: its own).
   * Stopping a container that is not running does nothing, as in Docker.
   */
  public Container stop(String nameOrId, int timeoutSeconds) {
    return stop(nameOrId, timeoutSeconds, null);
  }

  /** {@code docker stop -s SIG}: {@code signal} first, then SIGKILL after {@code timeoutSeconds}. */
  public Container stop(String nameOrId, int timeoutSeconds, String signal) {
    return stopper.stop(nameOrId, timeoutSeconds, signal);
  }

  /** {@code docker kill [-s SIG]}. */
  public Container kill(String nameOrId, String signal) {
    return stopper.kill(nameOrId, signal);
  }

  /** {@code docker restart}: stop (if running), then start. */
  public Container restart(String nameOrId, int timeoutSeconds) {
    Container c = stop(nameOrId, timeoutSeconds);
    return start(c.id(), false).container();
  }

  public Container pause(String nameOrId) {
    synchronized (lock) {
      Container c = store.find(nameOrId);
      if (!c.state().running()) {
        throw EngineException.conflict("Container " + c.id() + " is not running");
      }
      if (c.state().paused()) {
        throw EngineException.conflict("Container " + c.id() + " is already paused");
      }
      runtime.pause(c.id());
      Container paused = c.withState(c.state().withStatus(ContainerStatus.PAUSED));
      store.save(paused);
      return paused;
    }
  }

  public Container unpause(String nameOrId) {
    synchronized (lock) {
      Container c = store.find(nameOrId);
      if (!c.state().paused()) {
        throw EngineException.conflict("Container " + c.id() + " is not paused");
      }
      runtime.resume(c.id());
      Container running = c.withState(c.state().withStatus(ContainerStatus.RUNNING));
      store.save(running);
      return running;
    }
  }

  /** {@code docker rename}. */
  public Container rename(String nameOrId, String newName) {
    synchronized (lock) {
      Container c = store.find(nameOrId);
      String n = Names.validate(newName);
      if (n.equals(c.name())) {
        throw EngineException.invalid("Renaming a container with the same name as its current name");
      }
      Container other = store.byName(n);
      if (other != null) {
        throw EngineException.conflict("Error when allocating new name: Conflict. The container name \"/" + n
            + "\" is already in use by container \"" + other.id()
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
      Container renamed = c.withName(n);
      store.save(renamed);
      return renamed;
    }
  }

  /** {@code docker top}: the container's processes as the host's ps shows them. */
  public String top(String nameOrId) {
    Container c = store.find(nameOrId);
    if (!c.state().running()) {
      throw EngineException.conflict("Container " + c.id() + " is not running");
    }
    return runtime.ps(c.id());
  }

  /** The command line that runs {@code command} inside a running container ({@code docker exec}). */
  public List<String> execCommand(String nameOrId, List<String> command, List<String> env, boolean tty) {
    Container c = store.find(nameOrId);
    if (!c.state().running()) {
      throw EngineException.conflict("Container " + c.id() + " is not running");
    }
    if (c.state().paused()) {
      throw EngineException.conflict("Container " + c.id() + " is paused, unpause the container before exec");
    }
    List<String> allEnv = new ArrayList<>(c.env());
    allEnv.addAll(env);
    return runtime.execCommand(c.id(), allEnv, c.workingDir(), tty, command);
  }

  /** Attaches to a running container's stdio ({@code docker attach}). */
  public Attachment attach(String nameOrId) {
    Container c = store.find(nameOrId);
    if (!c.state().running()) {
      throw EngineException.conflict("You cannot attach to a stopped container, start it first");
    }
    if (c.state().paused()) {
      throw EngineException.conflict("You cannot attach to a paused container, unpause it first");
    }
    return MonitorAttachment.open(store.files(c.id()).bundle());
  }

  /**
   * Removes a container. A running one is refused in Docker's words unless {@code force}, which kills
   * it first.
   */
  public Container remove(String nameOrId, boolean force) {
    return remove(nameOrId, force, false);
  }

  /** {@code docker rm [-f] [-v]}: with {@code removeVolumes}, its anonymous volumes go too. */
  public Container remove(String nameOrId, boolean force, boolean removeVolumes) {
    return remove(nameOrId, force, removeVolumes, false);
  }

  /**
   * {@code docker rm [-f] [-v]}; with {@code keep}, the container is kept aside (its directory whole,
   * its anonymous volumes too) until {@link #dropKept} or {@link #restore}, for a lesson's undo.
   */
  public Container remove(String nameOrId, boolean force, boolean removeVolumes, boolean keep) {
    Container c = store.find(nameOrId);
    if (c.state().running()) {
      if (!force) {
        throw EngineException.conflict("You cannot remove a running container " + c.id()
            + ". Stop the container before attempting removal or force remove");
      }
      stopper.forceKill(c);
    }
    synchronized (lock) {
      Container cur = store.byId(c.id());
      if (cur == null) {
        return c; // --rm removed it as it ended
      }
      exits.awaitDeletion(c.id());
      runtime.delete(c.id(), true);
      nets.disconnect(cur);
      driver.unmount(store.files(c.id()));
      if (keep) {
        store.keep(c.id(), Instant.now(), removeVolumes);
      } else {
        store.delete(c.id());
        if (removeVolumes) {
          volumes.removeAnonymous(cur);
        }
      }
      listener.on(new EngineEvent(EventStep.REMOVE, c.id(), store.files(c.id()).dir().toString(), Duration.ZERO));
      return cur;
    }
  }

  /**
   * Brings back a container kept by {@link #remove}: same id, name, config, labels and read-write
   * layer, recorded as not running (exited, or created if it never ran). Refused in Docker's words when
   * a container took its name since, and when its image is gone.
   */
  public Container restore(String id) {
    synchronized (lock) {
      Container kept = store.keptRecord(id);
      if (kept == null || store.kept().stream().noneMatch(k -> k.id().equals(id))) {
        throw EngineException.notFound("No such removed container: " + id);
      }
      if (store.byId(id) != null) {
        throw EngineException.conflict("Conflict. The container ID \"" + id + "\" is already in use.");
      }
      Container other = store.byName(kept.name());
      if (other != null) {
        throw EngineException.conflict("Conflict. The container name \"/" + kept.name()
            + "\" is already in use by container \"" + other.id()
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
      if (images.find(kept.imageId()) == null) {
        throw EngineException.notFound("No such image: " + kept.imageId() + " (the image of container "
            + kept.name() + " is gone)");
      }
      Container.State s = kept.state();
      Container.State stopped = s.running()
          ? new Container.State(ContainerStatus.EXITED, 0, s.exitCode() == 0 ? 137 : s.exitCode(), "",
              s.startedAt(), Instant.now().toString(), 0, true, s.oomKilled())
          : new Container.State(s.status(), 0, s.exitCode(), s.error(), s.startedAt(), s.finishedAt(), 0,
              s.stoppedByUser(), s.oomKilled());
      Container back = kept.withNetwork(null).withState(stopped);
      store.restore(id, back);
      return back;
    }
  }

  /**
   * Deletes for good the containers kept by {@link #remove} before {@code before} (with their anonymous
   * volumes, when they were removed with {@code -v}).
   */
  public void dropKept(Instant before) {
    synchronized (lock) {
      for (KeptContainer k : store.kept()) {
        if (k.removedInstant().isBefore(before)) {
          Container record = store.keptRecord(k.id());
          store.dropKept(k.id());
          if (k.removeVolumes() && record != null) {
            volumes.removeAnonymous(record);
          }
        }
      }
    }
  }

  /** The records of the containers kept by {@link #remove}. */
  public List<Container> keptRecords() {
    List<Container> out = new ArrayList<>();
    for (KeptContainer k : store.kept()) {
      Container c = store.keptRecord(k.id());
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** {@code docker network connect [--alias A] NETWORK CONTAINER}: one more interface, on {@code network}. */
  public Endpoint connectNetwork(String nameOrId, String network, List<String> aliases) {
    synchronized (lock) {
      return nets.attach(store.find(nameOrId), network, aliases);
    }
  }

  /** The user networks a running container is on: the one it started on, then those it was connected to. */
  public List<String> userNetworks(Container c) {
    return nets.userNetworks(c);
  }

  /** {@code docker network disconnect NETWORK CONTAINER}: the interface {@link #connectNetwork} added goes. */
  public void disconnectNetwork(String nameOrId, String network) {
    synchronized (lock) {
      nets.detach(store.find(nameOrId), network);
    }
  }

  /** What a copy does with a container's root, given as {@link ContainerPaths} over it and its mounts. */
  @FunctionalInterface
  public interface RootWork<T> {
    T apply(Container c, ContainerPaths paths) throws IOException;
  }

  /**
   * Runs {@code work} on container {@code nameOrId}'s filesystem as its processes see it: the mounted
   * root of a running container; else its root mounted for the call and unmounted after, under the lock
   * so that it cannot start meanwhile ({@code docker cp} on a created or exited container).
   */
  public <T> T withRoot(String nameOrId, RootWork<T> work) throws IOException {
    Container c;
    synchronized (lock) {
      c = store.find(nameOrId);
      if (!c.state().running()) {
        ContainerFiles files = store.files(c.id());
        List<Path> lowers = bundles.lowers(files, images.get(c.imageDigest()));
        StorageDriver.RootFs root = driver.mount(files, lowers);
        try {
          return work.apply(c, new ContainerPaths(root.merged(), mountsSeen(c, files)));
        } finally {
          driver.unmount(files);
        }
      }
    }
    ContainerFiles files = store.files(c.id());
    return work.apply(c, new ContainerPaths(files.root(StorageDriverName.of(c.driver())), mountsSeen(c, files)));
  }

  /** The container's volumes and bind mounts, and the files the engine binds over its /etc (once written). */
  private static List<Container.MountPoint> mountsSeen(Container c, ContainerFiles files) {
    List<Container.MountPoint> mounts = new ArrayList<>(c.mounts());
    for (var etc : List.of(Map.entry(files.hostname(), "/etc/hostname"), Map.entry(files.hosts(), "/etc/hosts"),
        Map.entry(files.resolvConf(), "/etc/resolv.conf"))) {
      if (Files.exists(etc.getKey())) {
        mounts.add(new Container.MountPoint("bind", null, etc.getKey().toString(), etc.getValue(), false, false));
      }
    }
    return mounts;
  }

  /**
   * Brings records in line with reality when the engine opens: exits recorded by monitors while no
   * engine ran are taken in (and restart policies applied); containers whose monitor vanished without
   * a word are marked exited; nothing is left mounted that no running container uses.
   */
  public void reconcile() {
    nets.pool().recover();
    recovery.reconcile();
  }
}
