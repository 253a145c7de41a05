package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.runtime.Cgroups;
import dev.docklab.engine.runtime.Conmon;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.storage.StorageDriver;
import dev.docklab.engine.store.ContainerFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Sees containers end, from the exit files their monitors write, and records it: exit code, whether
 * the kernel killed it for memory, root unmounted, runtime state and network deleted; then {@code --rm}
 * removes the container, or its restart policy starts it again.
 */
final class ExitWatcher {
  private final Object lock;
  private final ContainerStore store;
  private final StorageDriver driver;
  private final OciRuntime runtime;
  private final Conmon conmon;
  private final EngineListener listener;
  private final ContainerNetworks nets;
  private final ContainerVolumes volumes;
  private final Cgroups cgroups;
  /** Starts a container again (its restart policy says so), under {@link #lock}. */
  private final Consumer<Container> restart;
  /** Exit codes of containers removed on exit ({@code --rm}), for whoever waits on them. */
  private final Map<String, Integer> removedExits = new ConcurrentHashMap<>();
  /** Runtime state of ended containers being deleted in the background, by container id. */
  private final Map<String, CompletableFuture<Void>> deleting = new ConcurrentHashMap<>();
  /** Where an ended container's runtime record and network go, behind what the learner waits for. */
  private static final ExecutorService TEARDOWN = Executors.newCachedThreadPool(Behind.threads("docklab-teardown"));
  /**
   * What conmon runs when a container with a restart policy exits: a docklab that opens this data root,
   * applies the policy and closes, so that policies act even when no docklab is open (empty: none).
   */
  private volatile List<String> whenExited = List.of();

  ExitWatcher(Object lock, ContainerStore store, StorageDriver driver, OciRuntime runtime, Conmon conmon,
      EngineListener listener, ContainerNetworks nets, ContainerVolumes volumes, Cgroups cgroups,
      Consumer<Container> restart) {
    this.lock = lock;
    this.store = store;
    this.driver = driver;
    this.runtime = runtime;
    this.conmon = conmon;
    this.listener = listener;
    this.nets = nets;
    this.volumes = volumes;
    this.cgroups = cgroups;
    this.restart = restart;
  }

  void setExitCommand(List<String> command) {
    this.whenExited = List.copyOf(command);
  }

  /** What the monitor of {@code c} runs when it exits: the exit command with its id, or none without a policy. */
  List<String> exitCommand(Container c) {
    if (c.hostConfig().restartPolicy().name().equals("no") || whenExited.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(whenExited);
    out.add(c.id());
    return out;
  }

  /**
   * Docker's back-off before a container's next restart: 100 ms, doubling with each restart, in conmon's
   * whole seconds and at most 60.
   */
  static int restartDelaySeconds(Container c) {
    return (int) Math.min(60, (1L << Math.min(10, c.restartCount())) / 10);
  }

  /** Waits for the background deletion of this container's runtime state, if one is under way. */
  void awaitDeletion(String id) {
    var pending = deleting.remove(id);
    if (pending != null) {
      pending.join();
    }
  }

  /** Waits for every background deletion: called when the engine closes. */
  void awaitDeletions() {
    for (String id : List.copyOf(deleting.keySet())) {
      awaitDeletion(id);
    }
  }

  /**
   * Blocks until the given run of the container has ended (as {@code docker wait}) and returns its
   * exit code. The exit is recorded here or by the reaper, whichever sees it first.
   */
  int waitExit(Container started) {
    String id = started.id();
    while (true) {
      Container cur = store.byId(id);
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

  /** Waits up to {@code millis} for this run of {@code c} to end and be recorded. */
  boolean awaitExit(Container c, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      Container cur = store.byId(c.id());
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

  /** Looks for containers that ended (while this engine runs, or while no engine ran) and records them. */
  void reap() {
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
   * Records that a container ended: exit code and time from its monitor, runtime state deleted, root
   * unmounted; then {@code --rm} removes it, or its restart policy starts it again. Returns the exit
   * code, or null when another thread already recorded it.
   */
  Integer finish(String id) {
    synchronized (lock) {
      Container c = store.byId(id);
      // Read the exit again under the lock: what a caller saw before a restart belongs to the old run,
      // and starting the new run removed it.
      Conmon.Exit exit = conmon.exit(id);
      if (c == null || !c.state().running() || exit == null) {
        return null;
      }
      ContainerFiles files = store.files(id);
      // Before its cgroup goes with the runtime's record: did the kernel's OOM killer act in it?
      boolean oomKilled = cgroups.oomKills(ContainerService.cgroupsPath(c)) > 0;
      // The runtime's record of the ended container goes in the background (a second runtime process
      // is not worth a learner's wait); the next start of this container waits for it.
      // So is its network: its namespace, veth, lease and rules (noted on disk until they are gone).
      Endpoint ep = c.network();
      deleting.put(id, CompletableFuture.runAsync(() -> {
        runtime.delete(id, true);
        nets.disconnect(id, ep);
      }, TEARDOWN));
      listener.timed(EventStep.UNMOUNT, id, x -> files.merged().toString(), () -> {
        driver.unmount(files);
        return files;
      });
      Container.State s = c.state();
      Container exited = c.withNetwork(null).withState(new Container.State(ContainerStatus.EXITED, 0, exit.code(), "",
          s.startedAt(), exit.at().toString(), 0, s.stoppedByUser(), oomKilled));
      store.save(exited);
      if (ContainerNetworks.userNetwork(exited)) {
        nets.refreshHosts(exited.hostConfig().networkMode());
      }
      conmon.clearExit(id);
      listener.on(EngineEvent.said(EventStep.EXIT, id, Duration.ZERO,
          oomKilled ? EngineMessage.EVENT_EXIT_OOM : EngineMessage.EVENT_EXIT, exit.code()));
      if (c.hostConfig().autoRemove()) {
        removedExits.put(id, exit.code());
        store.delete(id);
        volumes.removeAnonymous(c);
        listener.on(new EngineEvent(EventStep.REMOVE, id, files.dir().toString(), Duration.ZERO));
      } else if (c.hostConfig().restartPolicy().shouldRestart(exit.code(), c.restartCount(), s.stoppedByUser())) {
        Container again = exited.withRestartCount(c.restartCount() + 1);
        store.save(again);
        try {
          restart.accept(again);
        } catch (RuntimeException e) {
          // recorded by failedStart; the learner sees it in docker ps -a
        }
      }
      return exit.code();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_WAITING, e);
    }
  }
}
