package dev.docklab.engine.container;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.RuntimeFailure;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.runtime.BundleSpec;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.runtime.SecurityProfiles;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.ContainerFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A container's start: its root mounted, its network namespace made, its bundle written, a monitor that
 * has the runtime create it while the network plugins give the namespace its interfaces, then its process
 * started once both are done; everything undone when a step fails.
 */
final class ContainerStarter {
  /**
   * A pids limit under which the network is joined before the runtime creates the container, not beside it: runc
   * init's threads (a handful while it waits for its start) must fit under the limit meanwhile. The default limit
   * (1024) is far above it, so an ordinary run keeps the overlap.
   */
  static final long NETWORK_FIRST_BELOW_PIDS = 64;

  private final ContainerStore store;
  private final ImageStore images;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final EngineListener listener;
  private final ContainerNetworks nets;
  private final ContainerVolumes volumes;
  private final BundleFactory bundles;
  private final SecurityProfiles security;
  private final ExitWatcher exits;

  ContainerStarter(ContainerStore store, ImageStore images, StorageDriver driver, OciRuntime runtime, Conmon conmon,
      EngineListener listener, ContainerNetworks nets, ContainerVolumes volumes, BundleFactory bundles,
      SecurityProfiles security, ExitWatcher exits) {
    this.store = store;
    this.images = images;
    this.driver = driver;
    this.runtime = runtime;
    this.conmon = conmon;
    this.listener = listener;
    this.nets = nets;
    this.volumes = volumes;
    this.bundles = bundles;
    this.security = security;
    this.exits = exits;
  }

  /**
   * Starts {@code c} (not running), under the container lock; attaches to its stdio first when
   * {@code attach}, so that no output is lost.
   */
  Started start(Container c, boolean attach) {
    exits.awaitDeletion(c.id());
    ContainerFiles files = store.files(c.id());
    ContainerFiles.Bundle bundle = files.bundle();
    Attachment attachment = null;
    NetworkJoin joining = null;
    Endpoint endpoint = null;
    try {
      // first, so that a missing seccomp profile refuses the start before anything is mounted
      BundleSpec.Security confinement = security.forContainer(c.hostConfig().security(), c.hardening());
      Image image = images.get(c.imageDigest());
      List<Path> lowers = bundles.lowers(files, image);
      StorageDriver.RootFs root = listener.timed(EventStep.MOUNT, c.id(), StorageDriver.RootFs::mountOptions,
          () -> driver.mount(files, lowers));
      volumes.seed(c, root.merged());
      joining = nets.join(c);
      if (c.hostConfig().pidsLimit() > 0 && c.hostConfig().pidsLimit() < NETWORK_FIRST_BELOW_PIDS) {
        // runc init's own threads count against a pids limit while it waits for its start: a low one (5) could
        // stop it while the network came up beside it, so with such a limit the network is joined first
        endpoint = joining.await();
      }
      BundleSpec spec = bundles.spec(c.withNetwork(joining.early()), root.merged(), files, confinement);
      listener.timed(EventStep.SPEC, c.id(), b -> b.config().toString(), () -> {
        bundles.write(bundle, spec, c.lifecycle().annotations());
        return bundle;
      });
      Conmon.Created created = listener.timedSaid(EventStep.CREATE, c.id(), EngineMessage.EVENT_CREATED,
          x -> new Object[] {x.pid(), x.monitorPid()},
          () -> conmon.create(c.id(), c.name(), bundle, files.log(), c.tty(), c.openStdin(),
              c.tty() || !attach, exits.exitCommand(c), ExitWatcher.restartDelaySeconds(c),
              c.lifecycle().logDriver().equals("none"), c.lifecycle().logMaxSize()));
      if (endpoint == null) {
        endpoint = joining.await();
      }
      if (endpoint != joining.early()) {
        bundles.addressKnown(c.withNetwork(endpoint), files); // before the process runs and reads it
      }
      if (attach) {
        attachment = MonitorAttachment.open(bundle);
      }
      listener.timed(EventStep.START, c.id(), x -> runtime.choice().name() + " start " + c.id(), () -> {
        runtime.start(c.id());
        return c;
      });
      Container running = c.withNetwork(endpoint).withState(new Container.State(ContainerStatus.RUNNING, created.pid(),
          c.state().exitCode(), "", Instant.now().toString(), c.state().finishedAt(), created.monitorPid(), false));
      store.save(running);
      if (ContainerNetworks.userNetwork(running)) {
        nets.refreshHosts(running.hostConfig().networkMode());
      }
      if (joining.early() != endpoint) {
        nets.pool().fillLater(); // the next start on a bridge takes a namespace made meanwhile
      }
      return new Started(running, attachment);
    } catch (RuntimeFailure e) {
      closeQuietly(attachment);
      failed(c.withNetwork(settled(joining, endpoint)), files, e.exitCode(), e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(attachment);
      failed(c.withNetwork(settled(joining, endpoint)), files, 128, String.valueOf(e.getMessage()));
      throw e;
    }
  }

  /** What a failed start has to take off the network: the endpoint, once the plugins are done either way. */
  private static Endpoint settled(NetworkJoin joining, Endpoint endpoint) {
    if (endpoint != null || joining == null) {
      return endpoint;
    }
    return joining.settle();
  }

  private void failed(Container c, ContainerFiles files, int exitCode, String error) {
    runtime.delete(c.id(), true);
    conmon.clearExit(c.id());
    nets.disconnect(c);
    c = c.withNetwork(null);
    driver.unmount(files);
    if (c.hostConfig().autoRemove()) {
      store.delete(c.id());
    } else {
      store.save(c.withState(new Container.State(ContainerStatus.CREATED, 0, exitCode, error, c.state().startedAt(),
          c.state().finishedAt(), 0, false)));
    }
  }

  private static void closeQuietly(Attachment a) {
    if (a != null) {
      a.close();
    }
  }
}
