package dev.docklab.engine.api;

import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.VolumeSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code docker run} (or {@code docker create}) asks for.
 *
 * @param image the image as typed (reference or id)
 * @param name the container name, or null for a random one
 * @param command the command to run instead of the image's CMD; empty for the default
 * @param env extra {@code KEY=value} entries
 * @param memory the memory limit in bytes; 0 for the engine's default (daemon.json's {@code default-memory}),
 *     negative for none
 * @param pidsLimit the process-count limit; 0 for the engine's default (daemon.json's {@code default-pids-limit}),
 *     negative for none
 * @param autoRemove remove the container when it exits ({@code --rm})
 * @param tty give it a pseudo-terminal ({@code -t})
 * @param openStdin keep its stdin open ({@code -i})
 * @param restartPolicy {@code --restart}
 * @param volumes {@code -v} and {@code --mount}
 * @param network {@code --network}, {@code -p}, {@code -P}, {@code --expose}
 * @param labels {@code --label KEY=VALUE}
 * @param securityOpt {@code --security-opt} values as the docker client sends them (a seccomp FILE already
 *     replaced by its JSON), read by {@link SecurityOpts#parse}
 * @param process {@code -w}, {@code --entrypoint}, {@code -u} and {@code -h}
 * @param resources CPU, memory and block-I/O settings beyond {@code -m} and {@code --pids-limit}
 * @param hardening capabilities, {@code --privileged}, the root's mounts, ulimits, sysctls, devices
 * @param namespaces namespace modes, DNS, extra hosts, aliases, {@code --init}
 * @param lifecycle healthcheck, stop signal and timeout, log driver, {@code --volumes-from}
 */
public record RunRequest(String image, String name, List<String> command, List<String> env, long memory,
    long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
    List<VolumeSpec> volumes, Network network, Map<String, String> labels, List<String> securityOpt,
    Process process, Resources resources, Hardening hardening, Namespaces namespaces, Lifecycle lifecycle) {

  public RunRequest {
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? List.of() : List.copyOf(env);
    restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    network = network == null ? Network.DEFAULT : network;
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
    process = process == null ? Process.IMAGE : process;
    resources = resources == null ? Resources.NONE : resources;
    hardening = hardening == null ? Hardening.NONE : hardening;
    namespaces = namespaces == null ? Namespaces.NONE : namespaces;
    lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
  }

  /** With the engine's defaults beyond the process settings. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
      List<VolumeSpec> volumes, Network network, Map<String, String> labels, List<String> securityOpt,
      Process process) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, volumes, network,
        labels, securityOpt, process, null, null, null, null);
  }

  /** With the image's process settings. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
      List<VolumeSpec> volumes, Network network, Map<String, String> labels, List<String> securityOpt) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, volumes, network,
        labels, securityOpt, Process.IMAGE);
  }

  /** The same request with {@code -w}, {@code --entrypoint}, {@code -u} and {@code -h}. */
  public RunRequest withProcess(Process p) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, securityOpt, p, resources, hardening, namespaces, lifecycle);
  }

  /** The same request with these CPU, memory and block-I/O settings. */
  public RunRequest withResources(Resources r) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, securityOpt, process, r, hardening, namespaces, lifecycle);
  }

  /** The same request with these capabilities, root mounts, ulimits, sysctls and devices. */
  public RunRequest withHardening(Hardening h) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, securityOpt, process, resources, h, namespaces, lifecycle);
  }

  /** The same request with these namespace modes, DNS and network extras. */
  public RunRequest withNamespaces(Namespaces n) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, securityOpt, process, resources, hardening, n, lifecycle);
  }

  /** The same request with this healthcheck, stop signal and timeout, log driver and volumes-from. */
  public RunRequest withLifecycle(Lifecycle l) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, securityOpt, process, resources, hardening, namespaces, l);
  }

  /**
   * How the container's process runs, where the run differs from its image; null for the image's (or the
   * engine's) own.
   *
   * @param workingDir {@code -w}: an absolute path, made in the container's root if missing
   * @param entrypoint {@code --entrypoint}: the program instead of the image's ENTRYPOINT; empty to clear it
   * @param user {@code -u}: {@code USER[:GROUP]}, names or ids
   * @param hostname {@code -h}: the container's UTS hostname and /etc/hostname
   */
  public record Process(String workingDir, List<String> entrypoint, String user, String hostname) {
    /** The image's settings throughout. */
    public static final Process IMAGE = new Process(null, null, null, null);

    public Process {
      workingDir = workingDir == null || workingDir.isEmpty() ? null : workingDir;
      entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
      user = user == null || user.isEmpty() ? null : user;
      hostname = hostname == null || hostname.isEmpty() ? null : hostname;
      if (workingDir != null && !workingDir.startsWith("/")) {
        throw EngineException.invalid("the working directory '" + workingDir
            + "' is invalid, it needs to be an absolute path");
      }
    }
  }

  /** Without security options: the default seccomp profile. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
      List<VolumeSpec> volumes, Network network, Map<String, String> labels) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, volumes, network,
        labels, List.of());
  }

  /** The same request with {@code --security-opt} values. */
  public RunRequest withSecurityOpt(List<String> values) {
    return new RunRequest(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy,
        volumes, network, labels, values, process, resources, hardening, namespaces, lifecycle);
  }

  /** Without labels. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
      List<VolumeSpec> volumes, Network network) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, volumes, network,
        Map.of());
  }

  /**
   * How the container is networked.
   *
   * @param mode {@code --network}
   * @param publish {@code -p} mappings (host port 0 for a random one)
   * @param publishAll {@code -P}: every exposed port on a random host port
   * @param expose {@code --expose} ports as {@code 80/tcp}
   * @param container the container whose network namespace it joins ({@code --network container:NAME}), or
   *     the user network's name
   */
  public record Network(NetworkMode mode, List<PortMapping> publish, boolean publishAll, List<String> expose,
      String container) {
    /** The user network's name ({@code --network NAME}). */
    public String name() {
      return container;
    }

    public static final Network DEFAULT = new Network(NetworkMode.BRIDGE, List.of(), false, List.of(), null);

    public Network {
      mode = mode == null ? NetworkMode.BRIDGE : mode;
      publish = publish == null ? List.of() : List.copyOf(publish);
      expose = expose == null ? List.of() : List.copyOf(expose);
    }

    /** Not joining another container. */
    public Network(NetworkMode mode, List<PortMapping> publish, boolean publishAll, List<String> expose) {
      this(mode, publish, publishAll, expose, null);
    }
  }

  /** With volumes, on the default bridge. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
      List<VolumeSpec> volumes) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, volumes,
        Network.DEFAULT);
  }

  /** Without volumes. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, tty, openStdin, restartPolicy, List.of());
  }

  /** A plain foreground request: no tty, no stdin, no restart policy. */
  public RunRequest(String image, String name, List<String> command, List<String> env, long memory,
      long pidsLimit, boolean autoRemove) {
    this(image, name, command, env, memory, pidsLimit, autoRemove, false, false, RestartPolicy.NO);
  }

  public static RunRequest of(String image, String... command) {
    return new RunRequest(image, null, List.of(command), List.of(), 0, 0, false);
  }
}
