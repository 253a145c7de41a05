package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a container is watched, stopped and logged: its healthcheck, stop signal and timeout, log driver, and
 * the containers whose volumes it mounts.
 *
 * @param healthcheck {@code --health-cmd} and its siblings (or {@code --no-healthcheck}); null for the image's
 * @param stopSignal {@code --stop-signal}, or "" for the image's (else SIGTERM)
 * @param stopTimeout {@code --stop-timeout} in seconds, or null for the engine's 10
 * @param logDriver {@code --log-driver}, or "" for the engine's
 * @param logOpts {@code --log-opt KEY=VALUE}
 * @param volumesFrom {@code --volumes-from CONTAINER[:ro|rw]}, as given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lifecycle(Healthcheck healthcheck, String stopSignal, Integer stopTimeout, String logDriver,
    Map<String, String> logOpts, List<String> volumesFrom) {
  /** The image's and the engine's settings throughout. */
  public static final Lifecycle NONE = new Lifecycle(null, null, null, null, null, null);

  public Lifecycle {
    stopSignal = stopSignal == null ? "" : stopSignal;
    logDriver = logDriver == null ? "" : logDriver;
    logOpts = logOpts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(logOpts));
    volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
  }

  /**
   * A healthcheck as Docker's HealthConfig: {@code test} is {@code ["NONE"]} (disabled), {@code ["CMD", ...]}
   * or {@code ["CMD-SHELL", "..."]}; durations in nanoseconds, 0 for Docker's defaults.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Healthcheck(List<String> test, long interval, long timeout, long startPeriod, long startInterval,
      int retries) {
    public Healthcheck {
      test = test == null ? List.of() : List.copyOf(test);
    }
  }
}
