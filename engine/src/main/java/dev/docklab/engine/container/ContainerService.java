package dev.docklab.engine.container;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.Signals;
import dev.docklab.engine.bootstrap.BusyboxImage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.network.BridgeNetwork;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.network.HostPorts;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.runtime.BundleSpec;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.OciSpec;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Containers through their whole life: create (the read-write layer on the image's layers), start
 * (mount, OCI bundle, a monitor that runs the runtime), stop, kill, pause, restart, remove; and
 * the bookkeeping that keeps the records true when containers end with no REPL running.
 */
public final class ContainerService {
  /** The cgroup parent under which every container's cgroup is made. */
  public static final String CGROUP_PARENT = "docklab";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ContainerStore store;
  private final ImageStore images;
  private final LayerStore layers;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final HostFacts host;
  private final EngineListener listener;
  private final VolumeStore volumes;
  private final ContainerNetworks nets;
  /** Exit codes of containers removed on exit ({@code --rm}), for whoever waits on them. */
  private final Map<String, Integer> removedExits = new ConcurrentHashMap<>();
  /** Runtime state of ended containers being deleted in the background, by container id. */
  private final Map<String, CompletableFuture<Void>> deleting = new ConcurrentHashMap<>();

  public ContainerService(ContainerStore store, ImageStore images, LayerStore layers, StorageDriver driver,
      OciRuntime runtime, Conmon conmon, HostFacts host, EngineListener listener,
      VolumeStore volumes, Function<String, BridgeNetwork> networks) {
    this.volumes = volumes;
    this.nets = new ContainerNetworks(store, listener, networks);
    this.store = store;
    this.images = images;
    this.layers = layers;
    this.driver = driver;
    this.runtime = runtime;
    this.conmon = conmon;
    this.host = host;
    this.listener = listener;
  }

  /**
   * What conmon runs when a container with a restart policy exits: a docklab that opens this data root,
   * applies the policy and closes, so that policies act even when no docklab is open (empty: none).
   */
  private List<String> whenExited = List.of();

  public void setExitCommand(List<String> command) {
    this.whenExited = List.copyOf(command);
  }

  private static List<String> withId(List<String> command, String id) {
    List<String> out = new ArrayList<>(command);
    out.add(id);
    return out;
  }

  /** The outcome of a foreground run. */
  public record RunResult(Container container, int exitCode, boolean removed) {}

  /** A started container, with its stdio attached when asked for. */
  public record Started(Container container, Attachment attachment) {}

  /** Records a new container for {@code image}; nothing is mounted or started yet. */
  public Container create(RunRequest req, Image image) {
    synchronized (this) {
      String name = req.name() == null ? uniqueRandomName() : Names.validate(req.name());
      Container existing = store.byName(name);
      if (existing != null) {
        throw EngineException.conflict("Conflict. The container name \"/" + name
            + "\" is already in use by container \"" + existing.id()
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
      ImageConfig.RunConfig cfg = image.config().configOrEmpty();
      List<String> command = new ArrayList<>(cfg.entrypoint() == null ? List.of() : cfg.entrypoint());
      command.addAll(req.command().isEmpty() ? (cfg.cmd() == null ? List.of() : cfg.cmd()) : req.command());
      if (command.isEmpty()) {
        throw EngineException.invalid("no command specified");
      }
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
      env.add("HOSTNAME=" + hostname);
      if (req.tty()) {
        env.add("TERM=xterm");
      }
      env.addAll(req.env());
      Container c = new Container(id, name, Instant.now().toString(), req.image(), image.id().toString(),
          command.get(0), command.subList(1, command.size()), env,
          cfg.workingDir() == null || cfg.workingDir().isEmpty() ? "/" : cfg.workingDir(),
          cfg.user() == null ? "" : cfg.user(), driver.name(),
          new Container.HostConfig(req.memory(), req.pidsLimit(), req.autoRemove(), req.restartPolicy(),
              networkMode, net.mode() == NetworkMode.HOST ? List.of() : net.publish(), net.publishAll()),
          Container.State.created(), req.tty(), req.openStdin(), 0, mountPoints(req.volumes()),
          exposedPorts(cfg, net), null, labels(cfg, req));
      store.save(c);
      return c;
    }
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

  /** Resolves {@code -v}/{@code --mount} specs: host paths made or checked, volumes created. */
  private List<Container.MountPoint> mountPoints(List<VolumeSpec> specs) {
    List<Container.MountPoint> out = new ArrayList<>();
    for (var v : specs) {
      switch (v.kind()) {
        case BIND -> {
          Path src = Path.of(v.source());
          if (!Files.exists(src)) {
            if (!v.createSource()) {
              throw EngineException.invalid("invalid mount config for type \"bind\": bind source path does not exist: "
                  + v.source());
            }
            try {
              Files.createDirectories(src);
            } catch (IOException e) {
              throw EngineException.system("could not create " + src + ": " + e.getMessage(), e);
            }
          }
          out.add(new Container.MountPoint("bind", null, src.toString(), v.destination(), v.readOnly(), false));
        }
        case VOLUME -> out.add(new Container.MountPoint("volume", v.source(),
            volumes.create(v.source(), false).data().toString(), v.destination(), v.readOnly(), false));
        case ANONYMOUS -> {
          byte[] b = new byte[32];
          RANDOM.nextBytes(b);
          String name = HexFormat.of().formatHex(b);
          out.add(new Container.MountPoint("volume", name, volumes.create(name, true).data().toString(),
              v.destination(), v.readOnly(), true));
        }
        default -> throw new IllegalStateException();
      }
    }
    return out;
  }

  /** A volume used for the first time gets the image's files at its mount point, as in Docker. */
  private void seedVolumes(Container c, Path merged) {
    for (Container.MountPoint m : c.mounts()) {
      if (!m.type().equals("volume")) {
        continue;
      }
      var v = volumes.get(m.name());
      if (v == null || v.seeded()) {
        continue;
      }
      Path from = merged.resolve(m.destination().substring(1));
      try {
        boolean empty;
        try (var list = Files.list(v.data())) {
          empty = list.findAny().isEmpty();
        }
        if (empty && Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
          Process cp = new ProcessBuilder("cp", "-a", from + "/.", v.data() + "/").redirectErrorStream(true).start();
          String out = new String(cp.getInputStream().readAllBytes());
          if (cp.waitFor() != 0) {
            throw EngineException.system("could not copy the image's " + m.destination() + " into volume " + m.name()
                + ": " + out.strip(), null);
          }
        }
        volumes.markSeeded(m.name());
      } catch (IOException e) {
        throw EngineException.system("could not seed volume " + m.name() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Anonymous volumes of a removed container ({@code rm -v}). */
  private void removeAnonymousVolumes(Container c) {
    for (Container.MountPoint m : c.mounts()) {
      if (m.anonymous()) {
        volumes.remove(m.name());
      }
    }
  }

  /**
   * Starts a container: mounts its root, writes its bundle, and has a monitor create it; attaches to
   * its stdio first when {@code attach} (so no output is lost), then starts it. Starting a running
   * container does nothing, as in Docker.
   */
  public Started start(String nameOrId, boolean attach) {
    synchronized (this) {
      Container c = store.find(nameOrId);
      if (c.state().running()) {
        return new Started(c, attach ? MonitorAttachment.open(store.files(c.id()).bundle()) : null);
      }
      return startLocked(c, attach);
    }
  }

  private Started startLocked(Container c, boolean attach) {
    awaitDeletion(c.id());
    ContainerFiles files = store.files(c.id());
    ContainerFiles.Bundle bundle = files.bundle();
    Attachment attachment = null;
    Endpoint endpoint = null;
    try {
      Image image = images.get(Digest.parse(c.imageId()));
      List<Path> lowers = new ArrayList<>(layerDirsTopFirst(image));
      lowers.add(0, initLayer(files));
      StorageDriver.RootFs root = listener.timed("mount", c.id(), StorageDriver.RootFs::mountOptions,
          () -> driver.mount(files, lowers));
      seedVolumes(c, root.merged());
      endpoint = nets.connect(c);
      BundleSpec spec = bundleSpec(c.withNetwork(endpoint), root.merged(), files);
      listener.timed("spec", c.id(), b -> b.config().toString(), () -> {
        OciRuntime.writeBundle(bundle, OciSpec.build(spec, host));
        return bundle;
      });
      Conmon.Created created = listener.timed("create", c.id(), x -> "pid " + x.pid() + ", monitor " + x.monitorPid(),
          () -> conmon.create(c.id(), c.name(), bundle, files.log(), c.tty(), c.openStdin(),
              c.tty() || !attach, c.hostConfig().restartPolicy().name().equals("no") || whenExited.isEmpty() ? List.of()
                  : withId(whenExited, c.id()),
              // Docker's back-off between restarts, in conmon's whole seconds
              (int) Math.min(60, (1L << Math.min(10, c.restartCount())) / 10)));
      if (attach) {
        attachment = MonitorAttachment.open(bundle);
      }
      listener.timed("start", c.id(), x -> runtime.choice().name() + " start " + c.id(), () -> {
        runtime.start(c.id());
        return c;
      });
      Container running = c.withNetwork(endpoint).withState(new Container.State("running", created.pid(), c.state().exitCode(), "",
          Instant.now().toString(), c.state().finishedAt(), created.monitorPid(), false));
      store.save(running);
      if (ContainerNetworks.userNetwork(running)) {
        nets.refreshHosts(running.hostConfig().networkMode());
      }
      return new Started(running, attachment);
    } catch (OciRuntime.RuntimeFailure e) {
      closeQuietly(attachment);
      failedStart(c.withNetwork(endpoint), files, e.exitCode(), e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(attachment);
      failedStart(c.withNetwork(endpoint), files, 128, String.valueOf(e.getMessage()));
      throw e;
    }
  }

  /** Waits for the background deletion of this container's runtime state, if one is under way. */
  private void awaitDeletion(String id) {
    var pending = deleting.remove(id);
    if (pending != null) {
      pending.join();
    }
  }

  /** Waits for every background deletion: called when the engine closes. */
  public void awaitDeletions() {
    for (String id : List.copyOf(deleting.keySet())) {
      awaitDeletion(id);
    }
  }

  private void failedStart(Container c, ContainerFiles files, int exitCode, String error) {
    runtime.delete(c.id(), true);
    conmon.clearExit(c.id());
    nets.disconnect(c);
    c = c.withNetwork(null);
    driver.unmount(files);
    if (c.hostConfig().autoRemove()) {
      store.delete(c.id());
    } else {
      store.save(c.withState(new Container.State("created", 0, exitCode, error, c.state().startedAt(),
          c.state().finishedAt(), 0, false)));
    }
  }

  private static void closeQuietly(Attachment a) {
    if (a != null) {
      a.close();
    }
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
    listener.on(new EngineEvent("output", created.id(), "attach socket closed", Duration.ofNanos(System.nanoTime() - t0)));
    long t1 = System.nanoTime();
    int code = waitExit(s.container());
    listener.on(new EngineEvent("recorded", created.id(), "exit " + code, Duration.ofNanos(System.nanoTime() - t1)));
    Container after = store.list().stream().filter(x -> x.id().equals(created.id())).findFirst().orElse(null);
    return new RunResult(after == null ? s.container() : after, code, after == null);
  }

  /**
   * Blocks until the given run of the container has ended (as {@code docker wait}) and returns its
   * exit code. The exit is recorded here or by the reaper, whichever sees it first.
   */
  public int waitExit(Container started) {
    String id = started.id();
    while (true) {
      Container cur = findOrNull(id);
      if (cur == null) {
        Integer code = removedExits.get(id);
        return code == null ? 0 : code;
      }
      if (!cur.state().running() || !Objects.equals(cur.state().startedAt(), started.state().startedAt())) {
        return cur.state().exitCode();
      }
      Conmon.Exit exit = conmon.exit(id);
      if (exit != null) {
        Integer code = finish(id);
        if (code != null) {
          return code;
        }
        continue;
      }
      sleep(2);
    }
  }

  private Container findOrNull(String id) {
    return store.list().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * Records that a container ended: exit code and time from its monitor, runtime state deleted, root
   * unmounted; then {@code --rm} removes it, or its restart policy starts it again. Returns the exit
   * code, or null when another thread already recorded it.
   */
  Integer finish(String id) {
    synchronized (this) {
      Container c = findOrNull(id);
      // Read the exit again under the lock: what a caller saw before a restart belongs to the old run,
      // and starting the new run removed it.
      Conmon.Exit exit = conmon.exit(id);
      if (c == null || !c.state().running() || exit == null) {
        return null;
      }
      ContainerFiles files = store.files(id);
      // The runtime's record of the ended container goes in the background (a second runtime process
      // is not worth a learner's wait); the next start of this container waits for it.
      // So is its network: its namespace, veth, lease and rules (noted on disk until they are gone).
      Endpoint ep = c.network();
      deleting.put(id, CompletableFuture.runAsync(() -> {
        runtime.delete(id, true);
        nets.disconnect(id, ep);
      }));
      listener.timed("unmount", id, x -> files.merged().toString(), () -> {
        driver.unmount(files);
        return files;
      });
      Container.State s = c.state();
      Container exited = c.withNetwork(null).withState(new Container.State("exited", 0, exit.code(), "", s.startedAt(),
          exit.at().toString(), 0, s.stoppedByUser()));
      store.save(exited);
      if (ContainerNetworks.userNetwork(exited)) {
        nets.refreshHosts(exited.hostConfig().networkMode());
      }
      conmon.clearExit(id);
      listener.on(new EngineEvent("exit", id, "exit code " + exit.code(), Duration.ZERO));
      if (c.hostConfig().autoRemove()) {
        removedExits.put(id, exit.code());
        store.delete(id);
        removeAnonymousVolumes(c);
        listener.on(new EngineEvent("remove", id, files.dir().toString(), Duration.ZERO));
      } else if (c.hostConfig().restartPolicy().shouldRestart(exit.code(), c.restartCount(), s.stoppedByUser())) {
        Container again = exited.withRestartCount(c.restartCount() + 1);
        store.save(again);
        try {
          startLocked(again, false);
        } catch (RuntimeException e) {
          // recorded by failedStart; the learner sees it in docker ps -a
        }
      }
      return exit.code();
    }
  }

  /** Looks for containers that ended (while this engine runs, or while no engine ran) and records them. */
  public void reap() {
    for (Container c : store.list()) {
      if (c.state().running()) {
        Conmon.Exit exit = conmon.exit(c.id());
        if (exit != null) {
          finish(c.id());
        }
      }
    }
  }

  /**
   * {@code docker stop}: the stop signal (SIGTERM), then SIGKILL after {@code timeoutSeconds}.
   * Stopping a container that is not running does nothing, as in Docker.
   */
  public Container stop(String nameOrId, int timeoutSeconds) {
    return stop(nameOrId, timeoutSeconds, "TERM");
  }

  /** {@code docker stop -s SIG}: {@code signal} first, then SIGKILL after {@code timeoutSeconds}. */
  public Container stop(String nameOrId, int timeoutSeconds, String signal) {
    String sig = Signals.normalize(signal);
    Container c = markStoppedByUser(nameOrId);
    if (!c.state().running()) {
      return c;
    }
    if (c.state().paused()) {
      runtime.resume(c.id());
    }
    signalQuietly(c.id(), sig);
    if (!awaitExit(c, timeoutSeconds * 1000L)) {
      signalQuietly(c.id(), "KILL");
      awaitExit(c, 10_000);
    }
    return findOrNull(c.id()) == null ? c : store.find(c.id());
  }

  /** {@code docker kill [-s SIG]}. */
  public Container kill(String nameOrId, String signal) {
    Container c = store.find(nameOrId);
    if (!c.state().running()) {
      throw EngineException.conflict("Cannot kill container: " + nameOrId + ": Container " + c.id()
          + " is not running");
    }
    String sig = Signals.normalize(signal);
    if (sig.equals("KILL") || sig.equals("TERM")) {
      c = markStoppedByUser(c.id());
    }
    if (c.state().paused() && sig.equals("KILL")) {
      runtime.resume(c.id());
    }
    listener.on(new EngineEvent("signal", c.id(), "SIG" + sig + " to PID 1 (" + runtime.choice().name() + " kill)",
        Duration.ZERO));
    runtime.kill(c.id(), sig);
    if (sig.equals("KILL")) {
      awaitExit(c, 10_000);
    }
    return c;
  }

  /** {@code docker restart}: stop (if running), then start. */
  public Container restart(String nameOrId, int timeoutSeconds) {
    Container c = stop(nameOrId, timeoutSeconds);
    return start(c.id(), false).container();
  }

  public Container pause(String nameOrId) {
    synchronized (this) {
      Container c = store.find(nameOrId);
      if (!c.state().running()) {
        throw EngineException.conflict("Container " + c.id() + " is not running");
      }
      if (c.state().paused()) {
        throw EngineException.conflict("Container " + c.id() + " is already paused");
      }
      runtime.pause(c.id());
      Container paused = c.withState(c.state().withStatus("paused"));
      store.save(paused);
      return paused;
    }
  }

  public Container unpause(String nameOrId) {
    synchronized (this) {
      Container c = store.find(nameOrId);
      if (!c.state().paused()) {
        throw EngineException.conflict("Container " + c.id() + " is not paused");
      }
      runtime.resume(c.id());
      Container running = c.withState(c.state().withStatus("running"));
      store.save(running);
      return running;
    }
  }

  /** {@code docker rename}. */
  public Container rename(String nameOrId, String newName) {
    synchronized (this) {
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

  private Container markStoppedByUser(String nameOrId) {
    synchronized (this) {
      Container c = store.find(nameOrId);
      if (c.state().running()) {
        c = c.withState(c.state().withStoppedByUser(true));
        store.save(c);
      }
      return c;
    }
  }

  private void signalQuietly(String id, String signal) {
    try {
      listener.on(new EngineEvent("signal", id, "SIG" + signal + " to PID 1 (" + runtime.choice().name() + " kill)",
          Duration.ZERO));
      runtime.kill(id, signal);
    } catch (EngineException e) {
      // it ended meanwhile
    }
  }

  /** Waits up to {@code millis} for this run of {@code c} to end and be recorded. */
  private boolean awaitExit(Container c, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      Container cur = findOrNull(c.id());
      if (cur == null || !cur.state().running()
          || !Objects.equals(cur.state().startedAt(), c.state().startedAt())) {
        return true;
      }
      Conmon.Exit exit = conmon.exit(c.id());
      if (exit != null) {
        finish(c.id());
        return true;
      }
      sleep(10);
    }
    return false;
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
    Container c = store.find(nameOrId);
    if (c.state().running()) {
      if (!force) {
        throw EngineException.conflict("You cannot remove a running container " + c.id()
            + ". Stop the container before attempting removal or force remove");
      }
      markStoppedByUser(c.id());
      if (c.state().paused()) {
        runtime.resume(c.id());
      }
      signalQuietly(c.id(), "KILL");
      awaitExit(c, 10_000);
    }
    synchronized (this) {
      Container cur = findOrNull(c.id());
      if (cur == null) {
        return c; // --rm removed it as it ended
      }
      awaitDeletion(c.id());
      runtime.delete(c.id(), true);
      nets.disconnect(cur);
      driver.unmount(store.files(c.id()));
      store.delete(c.id());
      if (removeVolumes) {
        removeAnonymousVolumes(cur);
      }
      listener.on(new EngineEvent("remove", c.id(), store.files(c.id()).dir().toString(), Duration.ZERO));
      return cur;
    }
  }

  /**
   * Brings records in line with reality when the engine opens: exits recorded by monitors while no
   * engine ran are taken in (and restart policies applied); containers whose monitor vanished without
   * a word are marked exited; nothing is left mounted that no running container uses.
   */
  public void reconcile() {
    List<String> alive = runtime.list();
    for (Container c : store.list()) {
      ContainerFiles files = store.files(c.id());
      if (c.state().running()) {
        Conmon.Exit exit = conmon.exit(c.id());
        if (exit != null) {
          finish(c.id());
        } else if (!alive.contains(c.id()) || (c.state().monitorPid() > 0
            && !Posix.host().processAlive(c.state().monitorPid()))) {
          synchronized (this) {
            runtime.delete(c.id(), true);
            nets.disconnect(c);
            driver.unmount(files);
            store.save(c.withNetwork(null).withState(new Container.State("exited", 0, 255, "", c.state().startedAt(),
                Instant.now().toString(), 0, c.state().stoppedByUser())));
          }
        }
      } else if (alive.contains(c.id()) && adopt(c)) {
        continue; // started just before a crash: it runs, and now the record says so
      } else {
        if (alive.contains(c.id())) {
          runtime.delete(c.id(), true);
        }
        if (c.network() != null) {
          nets.disconnect(c);
          store.save(c.withNetwork(null));
        }
        driver.unmount(files);
      }
    }
    // Last, once adopted containers are recorded as running: networks whose container does not run.
    nets.reconcileEndpoints(runtime.list());
  }

  /**
   * A container recorded as not running that the runtime runs under a live monitor: the engine died
   * between starting it and writing that down. Records it as running; false when it is not so.
   */
  private boolean adopt(Container c) {
    String status = runtime.status(c.id());
    ContainerFiles.Bundle bundle = store.files(c.id()).bundle();
    Long monitor = readPid(bundle.monitorPidFile());
    Long pid = readPid(bundle.pidFile());
    if (!("running".equals(status) || "paused".equals(status)) || monitor == null || pid == null
        || !Posix.host().processAlive(monitor)) {
      return false;
    }
    String startedAt;
    try {
      startedAt = Files.getLastModifiedTime(bundle.pidFile()).toInstant().toString();
    } catch (IOException e) {
      startedAt = Instant.now().toString();
    }
    // its network, from the note written before its namespace was made
    store.save(c.withNetwork(store.endpoints().get(c.id())).withState(new Container.State(status, pid,
        c.state().exitCode(), "", startedAt,
        c.state().finishedAt(), monitor, false)));
    return true;
  }

  private static Long readPid(Path file) {
    try {
      String text = Files.readString(file).trim();
      return text.isEmpty() ? null : Long.parseLong(text);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
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
      throw EngineException.system("could not make the init layer in " + init + ": " + e.getMessage(), e);
    }
  }

  private List<Path> layerDirsTopFirst(Image image) {
    List<Path> dirs = new ArrayList<>();
    for (Digest diffId : image.diffIds()) {
      dirs.add(0, layers.get(diffId).diff());
    }
    return dirs;
  }

  private BundleSpec bundleSpec(Container c, Path rootfs, ContainerFiles files) {
    Endpoint ep = c.network();
    boolean hostNet = "host".equals(ep.network());
    boolean joined = ep.network().startsWith("container:");
    String hostname = hostNet ? ContainerNetworks.hostHostname() : joined ? ep.network().substring(10, 22) : c.id().substring(0, 12);
    Path hostnameFile = files.hostname();
    Path hostsFile = files.hosts();
    Path resolvFile = files.resolvConf();
    AtomicFiles.writeNoSync(hostnameFile, (hostname + "\n").getBytes(StandardCharsets.UTF_8));
    ContainerFiles target = joined ? store.files(ep.network().substring(10)) : null;
    AtomicFiles.writeNoSync(hostsFile, (hostNet ? readHostFile("/etc/hosts")
        : joined ? readHostFile(target.hosts().toString())
        : nets.hosts(c, hostname)).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.writeNoSync(resolvFile, (hostNet ? readHostFile("/etc/resolv.conf")
        : EtcFiles.resolvConf(readHostFile("/etc/resolv.conf"))).getBytes(StandardCharsets.UTF_8));
    int[] ids = Users.resolve(c.user(), rootfs);
    String netns = switch (ep.network()) {
      case "host" -> BundleSpec.HOST_NETWORK;
      case "none" -> null;
      default -> ep.sandboxKey(); // the bridge's namespace, or the joined container's
    };
    return new BundleSpec(c.command(), c.env(), c.workingDir(), ids[0], ids[1], hostname, c.tty(), rootfs,
        "/" + CGROUP_PARENT + "/" + c.id(), c.hostConfig().memory(), c.hostConfig().pidsLimit(),
        binds(c, hostnameFile, hostsFile, resolvFile), netns);
  }

  private static String readHostFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      return "";
    }
  }

  private static List<BundleSpec.Bind> binds(Container c, Path hostnameFile, Path hostsFile, Path resolvFile) {
    // The learner's mounts first, then the engine's files, so that /etc/hosts stays visible under a volume on /etc.
    List<BundleSpec.Bind> binds = new ArrayList<>();
    for (Container.MountPoint m : c.mounts()) {
      binds.add(new BundleSpec.Bind(Path.of(m.source()), m.destination(), m.readOnly()));
    }
    binds.add(new BundleSpec.Bind(hostnameFile, "/etc/hostname", false));
    binds.add(new BundleSpec.Bind(hostsFile, "/etc/hosts", false));
    binds.add(new BundleSpec.Bind(resolvFile, "/etc/resolv.conf", false));
    return binds;
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system("interrupted while waiting for a container", e);
    }
  }
}
