package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.PortMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container as the engine records it in {@code containers/ID/container.json}.
 *
 * @param id 64 hex digits
 * @param name the name without Docker's leading slash
 * @param created when it was created (ISO-8601)
 * @param image the image as the learner typed it
 * @param imageId the image's id
 * @param path the program (first of entrypoint + cmd)
 * @param args its arguments
 * @param env the environment
 * @param workingDir the working directory
 * @param user the user it runs as
 * @param driver the storage driver that made its root
 * @param hostConfig its limits and options
 * @param state what it is doing
 * @param tty whether it has a pseudo-terminal ({@code -t})
 * @param openStdin whether its stdin is kept open ({@code -i})
 * @param restartCount how often the restart policy restarted it
 * @param mounts its bind mounts and volumes
 * @param exposedPorts the ports it exposes ({@code EXPOSE}, {@code --expose}, {@code -p}), as {@code 80/tcp}
 * @param network its place on its network while it runs (null when it does not)
 * @param labels its labels: the image's, then {@code --label}
 * @param entrypoint the part of path and args that is its entrypoint (the image's or {@code --entrypoint}), null
 *     when not recorded
 * @param hostname its hostname ({@code -h}), or null for the engine's choice (its short id, or the host's)
 * @param resources its CPU, memory and block-I/O settings beyond the memory and pids limits
 * @param hardening its capabilities, root mounts, ulimits, sysctls, devices and groups
 * @param namespaces its namespace modes, DNS, extra hosts, aliases, init
 * @param lifecycle its healthcheck, stop signal and timeout, log driver, volumes-from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(String id, String name, String created, String image, String imageId, String path,
    List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
    State state, boolean tty, boolean openStdin, int restartCount, List<MountPoint> mounts,
    List<String> exposedPorts, Endpoint network, Map<String, String> labels, List<String> entrypoint,
    String hostname, Resources resources, Hardening hardening, Namespaces namespaces, Lifecycle lifecycle) {

  public Container {
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    resources = resources == null ? Resources.NONE : resources;
    hardening = hardening == null ? Hardening.NONE : hardening;
    namespaces = namespaces == null ? Namespaces.NONE : namespaces;
    lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
  }

  /** With the engine's defaults beyond {@code -m} and {@code --pids-limit}. */
  public Container(String id, String name, String created, String image, String imageId, String path,
      List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
      State state, boolean tty, boolean openStdin, int restartCount, List<MountPoint> mounts,
      List<String> exposedPorts, Endpoint network, Map<String, String> labels, List<String> entrypoint,
      String hostname) {
    this(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig, state, tty,
        openStdin, restartCount, mounts, exposedPorts, network, labels, entrypoint, hostname, null, null, null, null);
  }

  /** With the engine's hostname and no entrypoint recorded. */
  public Container(String id, String name, String created, String image, String imageId, String path,
      List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
      State state, boolean tty, boolean openStdin, int restartCount, List<MountPoint> mounts,
      List<String> exposedPorts, Endpoint network, Map<String, String> labels) {
    this(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig, state, tty,
        openStdin, restartCount, mounts, exposedPorts, network, labels, null, null);
  }

  /** Without labels. */
  public Container(String id, String name, String created, String image, String imageId, String path,
      List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
      State state, boolean tty, boolean openStdin, int restartCount, List<MountPoint> mounts,
      List<String> exposedPorts, Endpoint network) {
    this(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig, state, tty,
        openStdin, restartCount, mounts, exposedPorts, network, Map.of());
  }

  /** Without a network record. */
  public Container(String id, String name, String created, String image, String imageId, String path,
      List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
      State state, boolean tty, boolean openStdin, int restartCount, List<MountPoint> mounts) {
    this(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig, state, tty,
        openStdin, restartCount, mounts, List.of(), null);
  }

  /** A container without volumes or bind mounts. */
  public Container(String id, String name, String created, String image, String imageId, String path,
      List<String> args, List<String> env, String workingDir, String user, String driver, HostConfig hostConfig,
      State state, boolean tty, boolean openStdin, int restartCount) {
    this(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig, state, tty,
        openStdin, restartCount, List.of());
  }

  /**
   * A bind mount or a volume in the container, as {@code docker inspect} shows it.
   *
   * @param type bind or volume
   * @param name the volume's name (null for a bind mount)
   * @param source the host path
   * @param destination the path inside the container
   * @param readOnly {@code :ro}
   * @param anonymous a volume without a name of the learner's ({@code -v /data}), removed by {@code rm -v}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MountPoint(String type, String name, String source, String destination, boolean readOnly,
      boolean anonymous) {}

  /**
   * Limits and options given at {@code docker run}.
   *
   * @param memory the memory limit in bytes, 0 for none (the run's, or the engine's default)
   * @param pidsLimit the process-count limit, 0 for none (the run's, or the engine's default)
   * @param networkMode {@code --network}: bridge, host or none
   * @param portBindings {@code -p}, as asked (host port 0: a random one at each start)
   * @param publishAll {@code -P}
   * @param securityOpt {@code --security-opt}, as Docker keeps it (a seccomp profile as its JSON)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HostConfig(long memory, long pidsLimit, boolean autoRemove, RestartPolicy restartPolicy,
      String networkMode, List<PortMapping> portBindings, boolean publishAll, List<String> securityOpt) {
    public HostConfig {
      restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
      networkMode = networkMode == null ? "bridge" : networkMode;
      portBindings = portBindings == null ? List.of() : List.copyOf(portBindings);
      securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
    }

    /** Without security options. */
    public HostConfig(long memory, long pidsLimit, boolean autoRemove, RestartPolicy restartPolicy,
        String networkMode, List<PortMapping> portBindings, boolean publishAll) {
      this(memory, pidsLimit, autoRemove, restartPolicy, networkMode, portBindings, publishAll, List.of());
    }

    /** Its {@code --security-opt} values, parsed. */
    @JsonIgnore
    public SecurityOpts security() {
      return SecurityOpts.parse(securityOpt);
    }

    /** On the default bridge, nothing published. */
    public HostConfig(long memory, long pidsLimit, boolean autoRemove, RestartPolicy restartPolicy) {
      this(memory, pidsLimit, autoRemove, restartPolicy, "bridge", List.of(), false);
    }
  }

  /**
   * Docker's container state.
   *
   * @param status created, running, paused, restarting, exited or dead
   * @param pid the init process's pid on the host while it runs
   * @param exitCode the last exit code
   * @param error why it could not start, if so
   * @param startedAt when it last started
   * @param finishedAt when it last ended
   * @param monitorPid the pid of its monitor (conmon) while it runs
   * @param stoppedByUser set by {@code docker stop}/{@code kill}: the restart policy then leaves it be
   * @param oomKilled whether the kernel's OOM killer killed a process of its last run (Docker's OOMKilled)
   * @param health the healthcheck's probes as last recorded (null before any); {@link Container#health()} is what
   *     Docker shows
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record State(ContainerStatus status, long pid, int exitCode, String error, String startedAt, String finishedAt,
      long monitorPid, boolean stoppedByUser, boolean oomKilled, @JsonInclude(JsonInclude.Include.NON_NULL)
      Health health) {
    /** With no probes recorded. */
    public State(ContainerStatus status, long pid, int exitCode, String error, String startedAt, String finishedAt,
        long monitorPid, boolean stoppedByUser, boolean oomKilled) {
      this(status, pid, exitCode, error, startedAt, finishedAt, monitorPid, stoppedByUser, oomKilled, null);
    }

    /** The same state with these probes recorded. */
    public State withHealth(Health h) {
      return new State(status, pid, exitCode, error, startedAt, finishedAt, monitorPid, stoppedByUser, oomKilled, h);
    }

    /** Not killed for memory: a run starting, or one that ended otherwise. */
    public State(ContainerStatus status, long pid, int exitCode, String error, String startedAt, String finishedAt,
        long monitorPid, boolean stoppedByUser) {
      this(status, pid, exitCode, error, startedAt, finishedAt, monitorPid, stoppedByUser, false);
    }

    public static State created() {
      return new State(ContainerStatus.CREATED, 0, 0, "", null, null, 0, false);
    }

    /** Running or paused: its processes exist. */
    @JsonIgnore
    public boolean running() {
      return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }

    @JsonIgnore
    public boolean paused() {
      return status == ContainerStatus.PAUSED;
    }

    public State withStatus(ContainerStatus newStatus) {
      return new State(newStatus, pid, exitCode, error, startedAt, finishedAt, monitorPid, stoppedByUser, oomKilled,
          health);
    }

    public State withStoppedByUser(boolean stopped) {
      return new State(status, pid, exitCode, error, startedAt, finishedAt, monitorPid, stopped, oomKilled, health);
    }
  }

  /** With {@code newState}; the probes recorded so far stay unless it brings its own. */
  public Container withState(State newState) {
    State s = newState.health() == null && state != null ? newState.withHealth(state.health()) : newState;
    return new Container(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig,
        s, tty, openStdin, restartCount, mounts, exposedPorts, network, labels, entrypoint, hostname,
        resources, hardening, namespaces, lifecycle);
  }

  public Container withName(String newName) {
    return new Container(id, newName, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig,
        state, tty, openStdin, restartCount, mounts, exposedPorts, network, labels, entrypoint, hostname,
        resources, hardening, namespaces, lifecycle);
  }

  public Container withRestartCount(int count) {
    return new Container(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig,
        state, tty, openStdin, count, mounts, exposedPorts, network, labels, entrypoint, hostname,
        resources, hardening, namespaces, lifecycle);
  }

  /** The same container with these resource settings and these memory, pids and restart settings. */
  public Container withResources(Resources r, HostConfig host) {
    return new Container(id, name, created, image, imageId, path, args, env, workingDir, user, driver, host,
        state, tty, openStdin, restartCount, mounts, exposedPorts, network, labels, entrypoint, hostname,
        r, hardening, namespaces, lifecycle);
  }

  public Container withNetwork(Endpoint endpoint) {
    return new Container(id, name, created, image, imageId, path, args, env, workingDir, user, driver, hostConfig,
        state, tty, openStdin, restartCount, mounts, exposedPorts, endpoint, labels, entrypoint, hostname,
        resources, hardening, namespaces, lifecycle);
  }

  /**
   * Its health as Docker's State.Health shows it, or null when it has no healthcheck or never ran: a run
   * with no probe of its own yet is starting; a container that stopped is unhealthy, its probes kept.
   */
  @JsonIgnore
  public Health health() {
    if (lifecycle.healthcheck() == null || !lifecycle.healthcheck().active() || state.startedAt() == null) {
      return null;
    }
    Health h = state.health();
    if (state.running()) {
      return h == null || !state.startedAt().equals(h.run()) ? Health.starting(h, state.startedAt()) : h;
    }
    return h == null ? new Health(Health.UNHEALTHY, 0, List.of(), state.startedAt())
        : new Health(Health.UNHEALTHY, h.failingStreak(), h.log(), h.run());
  }

  /** The full command line: path then args. */
  @JsonIgnore
  public List<String> command() {
    List<String> c = new ArrayList<>();
    c.add(path);
    c.addAll(args);
    return c;
  }

  @JsonIgnore
  public Instant createdAt() {
    return Instant.parse(created);
  }

  /** The image's id as a digest. */
  @JsonIgnore
  public Digest imageDigest() {
    return Digest.parse(imageId);
  }

  /** The typed id. */
  @JsonIgnore
  public ContainerId containerId() {
    return new ContainerId(id);
  }

  /** The first 12 hex digits, as {@code docker ps} shows. */
  @JsonIgnore
  public String shortId() {
    return id.substring(0, 12);
  }

  /** A short summary for JShell: the short id, the name, the image, the command and the status. */
  @Override
  public String toString() {
    return "Container[id=" + (id.length() > 12 ? shortId() : id) + ", name=" + name + ", image=" + image
        + ", command=" + Summaries.command(command()) + ", status=" + Summaries.status(state) + "]";
  }
}
