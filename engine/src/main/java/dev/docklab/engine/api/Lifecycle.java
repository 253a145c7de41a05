package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param cidFile {@code --cidfile}, as the client wrote it (Docker's HostConfig.ContainerIDFile), or ""
 * @param annotations {@code --annotation KEY=VALUE}, passed to the OCI runtime in the spec's annotations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lifecycle(Healthcheck healthcheck, String stopSignal, Integer stopTimeout, String logDriver,
    Map<String, String> logOpts, List<String> volumesFrom, String cidFile, Map<String, String> annotations) {
  /** The image's and the engine's settings throughout. */
  public static final Lifecycle NONE = new Lifecycle(null, null, null, null, null, null);

  public Lifecycle {
    stopSignal = stopSignal == null ? "" : stopSignal;
    logDriver = logDriver == null ? "" : logDriver;
    logOpts = logOpts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(logOpts));
    volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
    cidFile = cidFile == null ? "" : cidFile;
    annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** With no cidfile and no annotations. */
  public Lifecycle(Healthcheck healthcheck, String stopSignal, Integer stopTimeout, String logDriver,
      Map<String, String> logOpts, List<String> volumesFrom) {
    this(healthcheck, stopSignal, stopTimeout, logDriver, logOpts, volumesFrom, null, null);
  }

  /** The same settings with {@code --cidfile} and {@code --annotation}. */
  public Lifecycle withClient(String cid, Map<String, String> notes) {
    return new Lifecycle(healthcheck, stopSignal, stopTimeout, logDriver, logOpts, volumesFrom, cid, notes);
  }

  /**
   * A healthcheck as Docker's HealthConfig: {@code test} is {@code ["NONE"]} (disabled), {@code ["CMD", ...]}
   * or {@code ["CMD-SHELL", "..."]}; durations in nanoseconds, 0 for Docker's defaults.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Healthcheck(List<String> test, long interval, long timeout, long startPeriod, long startInterval,
      int retries) {
    /** {@code --no-healthcheck}, or the image's {@code HEALTHCHECK NONE}. */
    public static final Healthcheck NONE = new Healthcheck(List.of("NONE"), 0, 0, 0, 0, 0);

    public Healthcheck {
      test = test == null ? List.of() : List.copyOf(test);
    }

    /** A check that runs: a CMD or CMD-SHELL test. */
    @JsonIgnore
    public boolean active() {
      return !test.isEmpty() && (test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL")) && test.size() > 1;
    }

    /** The command the probe runs in the container: CMD's words, or CMD-SHELL's under {@code /bin/sh -c}. */
    @JsonIgnore
    public List<String> command() {
      return test.get(0).equals("CMD") ? test.subList(1, test.size()) : List.of("/bin/sh", "-c", test.get(1));
    }

    @JsonIgnore
    public Duration intervalOrDefault() {
      return Duration.ofNanos(interval == 0 ? DEFAULT_INTERVAL : interval);
    }

    @JsonIgnore
    public Duration timeoutOrDefault() {
      return Duration.ofNanos(timeout == 0 ? DEFAULT_INTERVAL : timeout);
    }

    @JsonIgnore
    public Duration startPeriodOrDefault() {
      return Duration.ofNanos(startPeriod);
    }

    @JsonIgnore
    public Duration startIntervalOrDefault() {
      return Duration.ofNanos(startInterval == 0 ? DEFAULT_START_INTERVAL : startInterval);
    }

    @JsonIgnore
    public int retriesOrDefault() {
      return retries == 0 ? 3 : retries;
    }

    /** This (the run's) check completed by the image's, field by field, as Docker merges them. */
    public Healthcheck over(Healthcheck image) {
      if (image == null) {
        return this;
      }
      return new Healthcheck(test.isEmpty() ? image.test : test, interval == 0 ? image.interval : interval,
          timeout == 0 ? image.timeout : timeout, startPeriod == 0 ? image.startPeriod : startPeriod,
          startInterval == 0 ? image.startInterval : startInterval, retries == 0 ? image.retries : retries);
    }

    /** From Docker's HealthConfig JSON (an image config's or a create body's), or null. */
    public static Healthcheck fromDocker(Map<String, ?> m) {
      if (m == null || m.isEmpty()) {
        return null;
      }
      Object t = m.get("Test");
      List<String> test = t instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
      return new Healthcheck(test, number(m.get("Interval")), number(m.get("Timeout")), number(m.get("StartPeriod")),
          number(m.get("StartInterval")), (int) number(m.get("Retries")));
    }

    private static long number(Object o) {
      return o instanceof Number n ? n.longValue() : 0;
    }

    /** As Docker's HealthConfig JSON, its empty fields left out. */
    public Map<String, Object> toDocker() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (!test.isEmpty()) {
        m.put("Test", test);
      }
      putNonZero(m, "Interval", interval);
      putNonZero(m, "Timeout", timeout);
      putNonZero(m, "StartPeriod", startPeriod);
      putNonZero(m, "StartInterval", startInterval);
      if (retries != 0) {
        m.put("Retries", retries);
      }
      return m;
    }

    private static void putNonZero(Map<String, Object> m, String key, long value) {
      if (value != 0) {
        m.put(key, value);
      }
    }
  }

  /** Refuses what Docker's daemon refuses at create, in its words: a bad stop signal, a too short duration. */
  public void check() {
    if (!stopSignal.isEmpty()) {
      try {
        Signals.normalize(stopSignal);
      } catch (EngineException e) {
        throw EngineException.invalid("Invalid signal: " + stopSignal);
      }
    }
    if (!logDriver.isEmpty() && !LOG_DRIVERS.contains(logDriver)) {
      throw EngineException.invalid("logger: no log driver named '" + logDriver + "' is registered");
    }
    String driver = logDriver.isEmpty() ? "json-file" : logDriver;
    for (Map.Entry<String, String> o : logOpts.entrySet()) {
      if (driver.equals("none") || !o.getKey().equals("max-size") && !o.getKey().equals("max-file")) {
        throw EngineException.invalid("unknown log opt '" + o.getKey() + "' for " + driver + " log driver");
      }
    }
    logMaxSize();
    if (logOpts.containsKey("max-file")) {
      int files;
      try {
        files = Integer.parseInt(logOpts.get("max-file"));
      } catch (NumberFormatException e) {
        throw EngineException.invalid("strconv.Atoi: parsing \"" + logOpts.get("max-file") + "\": invalid syntax");
      }
      if (files < 1) {
        throw EngineException.invalid("max-file cannot be less than 1");
      }
    }
    if (healthcheck != null) {
      least("Interval", healthcheck.interval());
      least("Timeout", healthcheck.timeout());
      if (healthcheck.retries() < 0) {
        throw EngineException.invalid("Retries in Healthcheck cannot be negative");
      }
      least("StartPeriod", healthcheck.startPeriod());
      least("StartInterval", healthcheck.startInterval());
    }
  }

  /**
   * {@code --log-opt max-size} in bytes (Docker's human size, decimal units: {@code 10k} is 10000), or -1 when
   * not set.
   */
  public long logMaxSize() {
    String v = logOpts.get("max-size");
    if (v == null || v.isEmpty() || v.equals("-1")) {
      return -1;
    }
    Matcher m = HUMAN_SIZE.matcher(v);
    if (!m.matches()) {
      throw EngineException.invalid("invalid size: '" + v + "'");
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    long factor = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
      case 'k' -> 1_000L;
      case 'm' -> 1_000_000L;
      case 'g' -> 1_000_000_000L;
      case 't' -> 1_000_000_000_000L;
      default -> 1L;
    };
    return (long) (Double.parseDouble(m.group(1)) * factor);
  }

  /** {@code --log-opt max-file}: how many files a rotating log keeps, 1 when not set. */
  public int logMaxFile() {
    return Integer.parseInt(logOpts.getOrDefault("max-file", "1"));
  }

  private static void least(String name, long nanos) {
    if (nanos != 0 && nanos < 1_000_000L) {
      throw EngineException.invalid(name + " in Healthcheck cannot be less than 1ms");
    }
  }

  /** The log drivers docklab's monitor gives a container (json-file and local are kept as k8s-file). */
  public static final Set<String> LOG_DRIVERS = Set.of("json-file", "k8s-file", "local", "none");
  private static final Pattern HUMAN_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]?[iI]?[bB]?)");

  /** Docker's interval and timeout when a check sets none: 30 seconds. */
  static final long DEFAULT_INTERVAL = 30_000_000_000L;
  /** Docker's start interval: 5 seconds. */
  static final long DEFAULT_START_INTERVAL = 5_000_000_000L;

  /**
   * These settings completed by the image's, as Docker merges a container's config with its image's: the
   * image's HEALTHCHECK under the run's {@code --health-*}, the image's STOPSIGNAL unless {@code --stop-signal}.
   */
  public Lifecycle withImage(ImageConfig.RunConfig image) {
    check();
    Healthcheck fromImage = Healthcheck.fromDocker(image.healthcheck());
    Healthcheck merged = healthcheck == null ? fromImage : healthcheck.over(fromImage);
    String signal = stopSignal.isEmpty() && image.stopSignal() != null ? image.stopSignal() : stopSignal;
    return new Lifecycle(merged, signal, stopTimeout, logDriver, logOpts, volumesFrom, cidFile, annotations);
  }
}
