package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's health as Docker's State.Health: {@code starting}, {@code healthy} or {@code unhealthy}, the
 * failures in a row and the last five probes.
 *
 * @param status starting, healthy or unhealthy
 * @param failingStreak probes failed in a row (those in the start period while starting not counted)
 * @param log the last five probes, oldest first
 * @param run the StartedAt of the run these probes belong to (a new run starts again from {@code starting})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(String status, int failingStreak, List<Probe> log, String run) {
  public static final String STARTING = "starting";
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
  /** How many probes State.Health.Log keeps, as Docker. */
  public static final int MAX_LOG = 5;
  /** How much of a probe's output is kept, as Docker. */
  public static final int MAX_OUTPUT = 4096;

  public Health {
    log = log == null ? List.of() : List.copyOf(log);
  }

  /**
   * One probe: when it started and ended, its exit code (-1 when it timed out or could not run) and its
   * output.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Probe(String start, String end, int exitCode, String output) {}

  /** A new run's health: starting, no failures, the log of earlier runs kept (as Docker). */
  public static Health starting(Health before, String run) {
    return new Health(STARTING, 0, before == null ? List.of() : before.log, run);
  }

  /**
   * The health after {@code probe}, by Docker's rules: a pass makes it healthy; a failure counts unless the
   * container is still starting within its start period, and {@code retries} failures in a row make it
   * unhealthy.
   */
  public Health after(Probe probe, Lifecycle.Healthcheck check, Instant startedAt) {
    List<Probe> kept = new ArrayList<>(log);
    kept.add(probe);
    while (kept.size() > MAX_LOG) {
      kept.remove(0);
    }
    if (probe.exitCode() == 0) {
      return new Health(HEALTHY, 0, kept, run);
    }
    Instant start = Instant.parse(probe.start());
    boolean grace = status.equals(STARTING)
        && Duration.between(startedAt, start).compareTo(check.startPeriodOrDefault()) < 0;
    if (grace) {
      return new Health(status, failingStreak, kept, run);
    }
    int streak = failingStreak + 1;
    return new Health(streak >= check.retriesOrDefault() ? UNHEALTHY : status, streak, kept, run);
  }
}
