package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.GoDuration;
import dev.docklab.engine.api.Health;
import dev.docklab.engine.api.Lifecycle;
import dev.docklab.engine.runtime.OciRuntime;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the healthchecks of the running containers as Docker's daemon does: at each interval (the start
 * interval while starting within the start period) an exec of the check's command in the container, its
 * result recorded in the container's state and a {@code health_status} event when the status changes. It runs
 * in the process that holds the engine: while no docklab is open, no probe runs.
 */
final class HealthMonitor {
  private final Object lock;
  private final ContainerStore store;
  private final OciRuntime runtime;
  private final EngineListener listener;
  private final Map<String, Schedule> schedules = new HashMap<>();
  private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "docklab-health");
    t.setDaemon(true);
    return t;
  });

  /** When the next probe of one run of a container is due, and whether one is under way. */
  private static final class Schedule {
    final String run;
    Instant due;
    boolean probing;

    Schedule(String run, Instant due) {
      this.run = run;
      this.due = due;
    }
  }

  HealthMonitor(Object lock, ContainerStore store, OciRuntime runtime, EngineListener listener) {
    this.lock = lock;
    this.store = store;
    this.runtime = runtime;
    this.listener = listener;
  }

  /** Starts the probes that are due; called often (by the engine's reaper). */
  synchronized void tick() {
    Instant now = Instant.now();
    Map<String, Schedule> seen = new HashMap<>();
    for (Container c : store.list()) {
      Lifecycle.Healthcheck check = c.lifecycle().healthcheck();
      if (check == null || !check.active() || c.state().status() != ContainerStatus.RUNNING) {
        continue;
      }
      Schedule s = schedules.get(c.id());
      if (s == null || !s.run.equals(c.state().startedAt())) {
        s = new Schedule(c.state().startedAt(), now.plus(interval(c, check, now)));
      }
      seen.put(c.id(), s);
      if (!s.probing && !now.isBefore(s.due)) {
        s.probing = true;
        Schedule scheduled = s;
        probes.submit(() -> probe(c, check, scheduled));
      }
    }
    schedules.clear();
    schedules.putAll(seen);
  }

  /** Stops the probes under way (the engine closes). */
  void close() {
    probes.shutdownNow();
  }

  /** Docker's getInterval: the start interval while starting within the start period, else the interval. */
  static Duration interval(Container c, Lifecycle.Healthcheck check, Instant now) {
    Instant started = Instant.parse(c.state().startedAt());
    Health h = c.health();
    boolean inStart = Duration.between(started, now).compareTo(check.startPeriodOrDefault()) < 0;
    return inStart && h != null && h.status().equals(Health.STARTING) ? check.startIntervalOrDefault()
        : check.intervalOrDefault();
  }

  private void probe(Container c, Lifecycle.Healthcheck check, Schedule s) {
    try {
      Health.Probe result = run(c, check);
      record(c.id(), s.run, check, result);
    } catch (RuntimeException e) {
      // the container ended under the probe: the next tick forgets it
    } finally {
      synchronized (this) {
        Container now = store.byId(c.id());
        s.due = Instant.now().plus(now == null ? check.intervalOrDefault() : interval(now, check, Instant.now()));
        s.probing = false;
      }
    }
  }

  /** One exec of the check's command, bounded by its timeout; -1 when it timed out or could not run. */
  Health.Probe run(Container c, Lifecycle.Healthcheck check) {
    Instant start = Instant.now();
    List<String> command = runtime.execCommand(c.id(), c.env(), c.workingDir(), false, check.command());
    Duration timeout = check.timeoutOrDefault();
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      Bounded out = new Bounded(p.getInputStream());
      Thread reader = new Thread(out, "docklab-health-output");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        p.destroy(); // runc exec passes SIGTERM on to the probe
        if (!p.waitFor(1, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
        return new Health.Probe(start.toString(), Instant.now().toString(), -1,
            "Health check exceeded timeout (" + GoDuration.format(timeout) + ")");
      }
      reader.join(1000);
      return new Health.Probe(start.toString(), Instant.now().toString(), p.exitValue(), out.text());
    } catch (IOException e) {
      return new Health.Probe(start.toString(), Instant.now().toString(), -1, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e); // the engine closes: no result to record
    }
  }

  /** Records {@code result} if the container still runs the same run; says so when the status changed. */
  private void record(String id, String run, Lifecycle.Healthcheck check, Health.Probe result) {
    Health before;
    Health after;
    synchronized (lock) {
      Container c = store.byId(id);
      if (c == null || !c.state().running() || !run.equals(c.state().startedAt())) {
        return;
      }
      before = c.health();
      after = before.after(result, check, Instant.parse(run));
      store.save(c.withState(c.state().withHealth(after)));
    }
    if (!after.status().equals(before.status())) {
      listener.on(EngineEvent.said(EventStep.HEALTH, id, Duration.ZERO, EngineMessage.EVENT_HEALTH, after.status(),
          result.exitCode(), after.failingStreak()));
    }
  }

  /** A probe's output, at most {@link Health#MAX_OUTPUT} bytes kept, the rest read and dropped. */
  private static final class Bounded implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Bounded(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buf = new byte[4096];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          synchronized (kept) {
            kept.write(buf, 0, Math.min(n, Math.max(0, Health.MAX_OUTPUT - kept.size())));
          }
        }
      } catch (IOException e) {
        // the probe was killed
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
