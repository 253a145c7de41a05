package dev.docklab.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Containers' cgroups as the kernel shows them under {@code /sys/fs/cgroup}: one directory per
 * controller on cgroup v1 (and on hybrid hosts, whose controllers are v1), one directory on v2. The
 * engine asks there what the kernel can limit.
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
}
