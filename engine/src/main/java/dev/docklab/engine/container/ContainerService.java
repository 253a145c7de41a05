package dev.docklab.engine.container;

import dev.docklab.engine.EngineException;
import dev.docklab.engine.digest.Digest;
import dev.docklab.engine.event.EngineEvent;
import dev.docklab.engine.event.EngineListener;
import dev.docklab.engine.image.Image;
import dev.docklab.engine.image.ImageConfig;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.runtime.BundleSpec;
import dev.docklab.engine.runtime.HostFacts;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.OciSpec;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Creates, runs and removes containers: the read-write layer on the image's layers (through the
 * storage driver), the OCI bundle, the runtime call, and the record of what happened.
 */
public final class ContainerService {
  /** The cgroup parent under which every container's cgroup is made. */
  public static final String CGROUP_PARENT = "docklab";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ContainerStore store;
  private final LayerStore layers;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final HostFacts host;
  private final EngineListener listener;

  public ContainerService(ContainerStore store, LayerStore layers, StorageDriver driver, OciRuntime runtime,
      HostFacts host, EngineListener listener) {
    this.store = store;
    this.layers = layers;
    this.driver = driver;
    this.runtime = runtime;
    this.host = host;
    this.listener = listener;
  }

  /** The outcome of a foreground run. */
  public record RunResult(Container container, int exitCode, boolean removed) {}

  /** Records a new container for {@code image}; nothing is mounted or started yet. */
  public Container create(RunRequest req, Image image) {
    String name = req.name() == null ? uniqueRandomName() : Names.validate(req.name());
    Container existing = store.byName(name);
    if (existing != null) {
      throw EngineException.conflict("Conflict. The container name \"/" + name + "\" is already in use by container \""
          + existing.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
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
      env.add(dev.docklab.engine.bootstrap.BusyboxImage.PATH_ENV);
    }
    env.addAll(cfg.envOrEmpty());
    env.add("HOSTNAME=" + id.substring(0, 12));
    env.addAll(req.env());
    Container c = new Container(id, name, Instant.now().toString(), req.image(), image.id().toString(),
        command.get(0), command.subList(1, command.size()), env,
        cfg.workingDir() == null || cfg.workingDir().isEmpty() ? "/" : cfg.workingDir(),
        cfg.user() == null ? "" : cfg.user(), driver.name(),
        new Container.HostConfig(req.memory(), req.pidsLimit(), req.autoRemove()), Container.State.created());
    store.save(c);
    return c;
  }

  /**
   * Starts the container in the foreground and waits for it: mounts its root, writes its bundle,
   * runs it, records the exit, unmounts; removes it afterwards when asked to ({@code --rm}).
   */
  public RunResult runForeground(Container created, Image image, BiConsumer<Integer, byte[]> output) {
    Path dir = store.dir(created.id());
    Container c = created;
    int exit;
    try {
      StorageDriver.RootFs root = listener.timed("mount", c.id(), StorageDriver.RootFs::mountOptions,
          () -> driver.mount(dir, layerDirsTopFirst(image)));
      Path bundle = dir.resolve("bundle");
      BundleSpec spec = bundleSpec(c, root.merged(), dir);
      listener.timed("spec", c.id(), b -> b.resolve("config.json").toString(), () -> {
        OciRuntime.writeBundle(bundle, OciSpec.build(spec, host));
        return bundle;
      });
      Container running = c.withState(new Container.State("running", 0, 0, "", Instant.now().toString(), null));
      listener.timed("state", c.id(), x -> "running", () -> {
        store.save(running);
        return running;
      });
      c = running;
      long t0 = System.nanoTime();
      try (LogFile log = new LogFile(dir.resolve("container.log"))) {
        exit = runtime.run(c.id(), bundle, (stream, bytes) -> {
          output.accept(stream, bytes);
          try {
            log.append(stream, bytes);
          } catch (IOException e) {
            // the terminal still shows the output; only the log misses it
          }
        }, pid -> {});
      }
      listener.on(new EngineEvent("exit", c.id(), "exit code " + exit, Duration.ofNanos(System.nanoTime() - t0)));
      c = c.withState(new Container.State("exited", 0, exit, "", running.state().startedAt(), Instant.now().toString()));
      store.save(c);
    } catch (OciRuntime.RuntimeFailure e) {
      store.save(c.withState(new Container.State("created", 0, e.exitCode(), e.getMessage(), null, null)));
      cleanUpAfterExit(c, dir);
      throw e;
    } catch (IOException e) {
      cleanUpAfterExit(c, dir);
      throw EngineException.system("could not write the log of container " + c.shortId() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      store.save(c.withState(new Container.State("created", 0, 128, String.valueOf(e.getMessage()), null, null)));
      cleanUpAfterExit(c, dir);
      throw e;
    }
    cleanUpAfterExit(c, dir);
    return new RunResult(c, exit, c.hostConfig().autoRemove());
  }

  private void cleanUpAfterExit(Container c, Path dir) {
    listener.timed("unmount", c.id(), x -> dir.resolve("merged").toString(), () -> {
      driver.unmount(dir);
      return dir;
    });
    if (c.hostConfig().autoRemove()) {
      listener.timed("remove", c.id(), x -> dir.toString(), () -> {
        store.delete(c.id());
        return dir;
      });
    }
  }

  /**
   * Removes a container. A running one is refused in Docker's words unless {@code force}, which kills
   * it first.
   */
  public Container remove(String nameOrId, boolean force) {
    Container c = store.find(nameOrId);
    if (c.state().running() && runtime.list().contains(c.id())) {
      if (!force) {
        throw EngineException.conflict("You cannot remove a running container " + c.id()
            + ". Stop the container before attempting removal or force remove");
      }
      runtime.delete(c.id(), true);
    }
    driver.unmount(store.dir(c.id()));
    store.delete(c.id());
    listener.on(new EngineEvent("remove", c.id(), store.dir(c.id()).toString(), Duration.ZERO));
    return c;
  }

  /**
   * Brings records in line with reality after a crash: a container recorded as running whose runtime
   * state is gone is marked exited, and its root unmounted.
   */
  public void reconcile() {
    List<String> alive = runtime.list();
    for (Container c : store.list()) {
      if (!alive.contains(c.id())) {
        if (c.state().running()) {
          store.save(c.withState(new Container.State("exited", 0, 255, "the engine stopped while the container ran",
              c.state().startedAt(), Instant.now().toString())));
        }
        driver.unmount(store.dir(c.id()));
      }
    }
  }

  private List<Path> layerDirsTopFirst(Image image) {
    List<Path> dirs = new ArrayList<>();
    for (Digest diffId : image.diffIds()) {
      dirs.add(0, layers.get(diffId).diff());
    }
    return dirs;
  }

  private BundleSpec bundleSpec(Container c, Path rootfs, Path dir) {
    String hostname = c.id().substring(0, 12);
    Path hostnameFile = dir.resolve("hostname");
    Path hostsFile = dir.resolve("hosts");
    AtomicFiles.writeNoSync(hostnameFile, (hostname + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.writeNoSync(hostsFile, ("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
        + "127.0.1.1\t" + hostname + "\n").getBytes(StandardCharsets.UTF_8));
    int[] ids = Users.resolve(c.user(), rootfs);
    return new BundleSpec(c.command(), c.env(), c.workingDir(), ids[0], ids[1], hostname, false, rootfs,
        "/" + CGROUP_PARENT + "/" + c.id(), c.hostConfig().memory(), c.hostConfig().pidsLimit(),
        List.of(new BundleSpec.Bind(hostnameFile, "/etc/hostname", false),
            new BundleSpec.Bind(hostsFile, "/etc/hosts", false)));
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
