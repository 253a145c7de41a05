package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the records in line with reality when an engine opens on a data root that another engine
 * (or a crash) left: exits taken in, vanished containers marked exited, running ones adopted.
 */
final class CrashRecovery {
  private final Object lock;
  private final ContainerStore store;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final ContainerNetworks nets;
  private final ExitWatcher exits;

  CrashRecovery(Object lock, ContainerStore store, StorageDriver driver, OciRuntime runtime, Conmon conmon,
      ContainerNetworks nets, ExitWatcher exits) {
    this.lock = lock;
    this.store = store;
    this.driver = driver;
    this.runtime = runtime;
    this.conmon = conmon;
    this.nets = nets;
    this.exits = exits;
  }

  /**
   * Brings records in line with reality when the engine opens: exits recorded by monitors while no
   * engine ran are taken in (and restart policies applied); containers whose monitor vanished without
   * a word are marked exited; nothing is left mounted that no running container uses.
   */
  void reconcile() {
    List<String> alive = runtime.list();
    for (Container c : store.list()) {
      ContainerFiles files = store.files(c.id());
      if (c.state().running()) {
        Conmon.Exit exit = conmon.exit(c.id());
        if (exit != null) {
          exits.finish(c.id());
        } else if (!alive.contains(c.id()) || (c.state().monitorPid() > 0
            && !Posix.host().processAlive(c.state().monitorPid()))) {
          synchronized (lock) {
            runtime.delete(c.id(), true);
            nets.disconnect(c);
            driver.unmount(files);
            store.save(c.withNetwork(null).withState(new Container.State(ContainerStatus.EXITED, 0, 255, "", c.state().startedAt(),
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
    // The runtime's records of containers the store no longer has: a --rm run ended and was removed,
    // and the engine was killed before its teardown, which runs behind, deleted the record (and cgroup).
    Set<String> known = new HashSet<>();
    store.list().forEach(c -> known.add(c.id()));
    for (String id : alive) {
      if (!known.contains(id)) {
        runtime.delete(id, true);
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
    store.save(c.withNetwork(store.endpoints().get(c.id())).withState(new Container.State(ContainerStatus.of(status), pid,
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
}
