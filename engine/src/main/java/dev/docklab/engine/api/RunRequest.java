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
 */
public record RunRequest(String image, String name, List<String> command, List<String> env, long memory,
    long pidsLimit, boolean autoRemove, boolean tty, boolean openStdin, RestartPolicy restartPolicy,
    List<VolumeSpec> volumes, Network network, Map<String, String> labels, List<String> securityOpt) {

  public RunRequest {
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? List.of() : List.copyOf(env);
    restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    network = network == null ? Network.DEFAULT : network;
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
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
        volumes, network, labels, values);
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
