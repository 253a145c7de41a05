package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.SignalWait;
import dev.docklab.engine.api.Signals;
import dev.docklab.engine.runtime.OciRuntime;
import java.time.Duration;

/**
 * Ends containers as Docker does: a signal to their PID 1, SIGKILL after a grace period, the exit
 * awaited; a container the learner stops is marked so, and its restart policy leaves it be.
 */
final class ContainerStopper {
  private final Object lock;
  private final ContainerStore store;
  private final OciRuntime runtime;
  private final EngineListener listener;
  private final ExitWatcher exits;

  ContainerStopper(Object lock, ContainerStore store, OciRuntime runtime, EngineListener listener, ExitWatcher exits) {
    this.lock = lock;
    this.store = store;
    this.runtime = runtime;
    this.listener = listener;
    this.exits = exits;
  }

  /**
   * {@code docker stop [-s SIG]}: {@code signal} first, then SIGKILL after {@code timeoutSeconds}. Stopping
   * a container that is not running does nothing, as in Docker.
   */
  Container stop(String nameOrId, int timeoutSeconds, String signal) {
    Container c = markStoppedByUser(nameOrId);
    String sig = Signals.normalize(signal != null && !signal.isEmpty() ? signal
        : c.lifecycle().stopSignal().isEmpty() ? "TERM" : c.lifecycle().stopSignal());
    if (!c.state().running()) {
      return c;
    }
    long waitMillis = waitMillis(c, timeoutSeconds);
    if (c.state().paused()) {
      runtime.resume(c.id());
    }
    SignalWait.Handler handler = Pid1Signals.handler(c.state().pid(), sig);
    String command = Pid1Signals.command(c.state().pid());
    signalQuietly(c.id(), sig);
    long t0 = System.nanoTime();
    boolean exited = exits.awaitExit(c, waitMillis);
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);
    listener.on(new EngineEvent(EventStep.WAIT, c.id(),
        new SignalWait(waited, sig, command, handler, exited).detail(), waited));
    if (!exited) {
      signalQuietly(c.id(), "KILL");
      exits.awaitExit(c, 10_000);
    }
    return store.byId(c.id()) == null ? c : store.find(c.id());
  }

  /**
   * How long a stop waits before SIGKILL: {@code timeoutSeconds}, or the container's {@code --stop-timeout}
   * (else 10 s) for {@link Containers#CONTAINER_TIMEOUT}; as long as it takes when negative.
   */
  static long waitMillis(Container c, int timeoutSeconds) {
    int t = timeoutSeconds != Containers.CONTAINER_TIMEOUT ? timeoutSeconds
        : c.lifecycle().stopTimeout() != null ? c.lifecycle().stopTimeout() : 10;
    return t < 0 ? Long.MAX_VALUE / 2_000_000L : t * 1000L;
  }

  /** {@code docker kill [-s SIG]}: refused when the container is not running. */
  Container kill(String nameOrId, String signal) {
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
    listener.on(EngineEvent.said(EventStep.SIGNAL, c.id(), Duration.ZERO, EngineMessage.EVENT_SIGNAL, sig,
        runtime.choice().name()));
    runtime.kill(c.id(), sig);
    if (sig.equals("KILL")) {
      exits.awaitExit(c, 10_000);
    }
    return c;
  }

  /** {@code docker rm -f} of a running container: SIGKILL (unpaused first), and its exit awaited. */
  void forceKill(Container c) {
    markStoppedByUser(c.id());
    if (c.state().paused()) {
      runtime.resume(c.id());
    }
    signalQuietly(c.id(), "KILL");
    exits.awaitExit(c, 10_000);
  }

  private Container markStoppedByUser(String nameOrId) {
    synchronized (lock) {
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
      listener.on(EngineEvent.said(EventStep.SIGNAL, id, Duration.ZERO, EngineMessage.EVENT_SIGNAL, signal,
          runtime.choice().name()));
      runtime.kill(id, signal);
    } catch (EngineException e) {
      // it ended meanwhile
    }
  }
}
