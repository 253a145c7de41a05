package dev.docklab.engine.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.MemorySize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's settings, {@code DATA_ROOT/daemon.json}, read in this one place. Docker's keys
 * {@code registry-mirrors} and {@code insecure-registries}, docklab's {@code hub} (the registry client
 * gives them their defaults), and the limits a container gets when its run asks for none:
 * {@code default-pids-limit} (a number; 0 or -1: no limit) and {@code default-memory} (a size such as
 * {@code 1g}; 0: no limit). A missing key takes its default; a missing file, every default.
 *
 * @param registryMirrors {@code registry-mirrors}, or null
 * @param insecureRegistries {@code insecure-registries}, or null
 * @param hub {@code hub}, or null
 * @param defaultPidsLimit {@code default-pids-limit}, or null for {@link #DEFAULT_PIDS_LIMIT}
 * @param defaultMemory {@code default-memory}, or null for {@link #DEFAULT_MEMORY}
 * @param hubSignup {@code hub-signup}: whether a learner may make an account on docklab's hub
 *     ({@code docklab registry signup}); null for yes, as for a single learner; false for a classroom
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DaemonConfig(
    @JsonProperty("registry-mirrors") List<String> registryMirrors,
    @JsonProperty("insecure-registries") List<String> insecureRegistries,
    @JsonProperty("hub") String hub,
    @JsonProperty("default-pids-limit") Long defaultPidsLimit,
    @JsonProperty("default-memory") String defaultMemory,
    @JsonProperty("hub-signup") Boolean hubSignup) {
  /** Processes per container by default: a fork bomb stops here, and no lesson comes near it. */
  public static final long DEFAULT_PIDS_LIMIT = 1024;
  /** Memory per container by default: what the tutorial's images need, and a runaway is killed in its cgroup. */
  public static final String DEFAULT_MEMORY = "1g";

  /** Whether the hub lets a learner make an account ({@code hub-signup}, true unless set to false). */
  public boolean signupAllowed() {
    return hubSignup == null || hubSignup;
  }

  /** Every key at its default, as with no file. */
  public static DaemonConfig defaults() {
    return new DaemonConfig(null, null, null, null, null, null);
  }

  /** The file's settings, or the defaults when there is none; a clear error when it is not valid. */
  public static DaemonConfig read(Path file) {
    if (!Files.exists(file)) {
      return defaults();
    }
    DaemonConfig config;
    try {
      config = new ObjectMapper().readValue(file.toFile(), DaemonConfig.class);
    } catch (IOException e) {
      throw invalid(file, e.getMessage().lines().findFirst().orElse(""));
    }
    try {
      config.memoryLimit(0);
    } catch (EngineException e) {
      throw invalid(file, "default-memory: " + e.getMessage());
    }
    return config;
  }

  private static EngineException invalid(Path file, String why) {
    return EngineException.invalid(EngineMessage.DAEMON_JSON_INVALID, file, why);
  }

  /**
   * The pids limit of a container whose run asked for {@code asked}: that, when positive; none (0) when
   * negative ({@code --pids-limit -1}); the default when 0 (not asked).
   */
  public long pidsLimit(long asked) {
    long byDefault = defaultPidsLimit == null ? DEFAULT_PIDS_LIMIT : Math.max(0, defaultPidsLimit);
    return asked > 0 ? asked : asked < 0 ? 0 : byDefault;
  }

  /**
   * The memory limit in bytes of a container whose run asked for {@code asked}: that, when positive; none
   * (0) when negative ({@code -m 0}); the default when 0 (not asked).
   *
   * @throws EngineException when {@code default-memory} is not a size, or below Docker's minimum
   */
  public long memoryLimit(long asked) {
    String text = defaultMemory == null ? DEFAULT_MEMORY : defaultMemory.strip();
    long byDefault = text.equals("-1") ? 0 : MemorySize.parseMemoryLimit(text);
    return asked > 0 ? asked : asked < 0 ? 0 : byDefault;
  }
}
