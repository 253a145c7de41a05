package dev.docklab.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Containers' cgroups as the kernel shows them under {@code /sys/fs/cgroup}: one directory per
 * controller on cgroup v1 (and on hybrid hosts, whose controllers are v1), one directory on v2. The
 * engine reads there what the kernel counted, such as the processes its OOM killer killed.
 */
public final class Cgroups {
  private final Path root;
  private final boolean unified;

  /** This host's cgroups, as {@code host} found them. */
  public Cgroups(HostFacts host) {
    this(Path.of("/sys/fs/cgroup"), host.cgroupVersion() == 2);
  }

  /**
   * The cgroups mounted at {@code root}.
   *
   * @param unified true on a pure cgroup v2 host
   */
  public Cgroups(Path root, boolean unified) {
    this.root = root;
    this.unified = unified;
  }

  /** The directory of the cgroup {@code cgroupsPath} (as in the OCI spec) in {@code controller}'s hierarchy. */
  public Path dir(String controller, String cgroupsPath) {
    String relative = cgroupsPath.startsWith("/") ? cgroupsPath.substring(1) : cgroupsPath;
    return unified ? root.resolve(relative) : root.resolve(controller).resolve(relative);
  }

  /**
   * How many processes the kernel's OOM killer killed in the cgroup, as Docker learns it: {@code oom_kill}
   * of {@code memory.oom_control} on v1, of {@code memory.events} on v2. 0 when the cgroup is gone.
   */
  public long oomKills(String cgroupsPath) {
    Path dir = dir("memory", cgroupsPath);
    return counter(dir.resolve(unified ? "memory.events" : "memory.oom_control"), "oom_kill");
  }

  /**
   * Whether the kernel limits swap per cgroup ({@code memory.memsw.*} on v1, {@code memory.swap.max} on v2),
   * so that a memory limit can bound swap as well, as Docker's does.
   */
  public boolean limitsSwap() {
    if (!unified) {
      return Files.exists(root.resolve("memory").resolve("memory.memsw.limit_in_bytes"));
    }
    try (var dirs = Files.list(root)) {
      return dirs.anyMatch(d -> Files.exists(d.resolve("memory.swap.max")));
    } catch (IOException e) {
      return false;
    }
  }

  /** The number after {@code key} in a flat-keyed cgroup file ({@code key value} lines); 0 when absent. */
  static long counter(Path file, String key) {
    try {
      // readAllLines: these kernel files do not report their size, and are read whole this way
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.trim().split("\\s+");
        if (kv.length == 2 && kv[0].equals(key)) {
          return Long.parseLong(kv[1]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no such cgroup (any more), or a kernel without the counter
    }
    return 0;
  }
}
