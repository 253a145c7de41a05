package dev.docklab.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which resource controls this host's cgroups offer, as Docker's {@code sysinfo} finds them: CPU shares and
 * CFS quota, real-time scheduling, cpusets (and the CPUs and memory nodes there are), swap, swappiness, block-I/O
 * weight and throttling.
 *
 * @param cpus the CPUs cpusets may use, e.g. {@code 0-1}
 * @param mems the memory nodes cpusets may use, e.g. {@code 0}
 * @param onlineCpus how many CPUs the host has
 */
public record CgroupSupport(boolean unified, boolean cpuShares, boolean cpuCfs, boolean cpuRealtime,
    boolean cpuset, String cpus, String mems, boolean swapLimit, boolean swappiness, boolean blkioWeight,
    boolean blkioWeightDevice, boolean blkioThrottle, int onlineCpus) {

  /** Every control, on a host of {@code cpus} CPUs (0-(cpus-1)) and one memory node: for tests. */
  public static CgroupSupport all(int cpus) {
    return new CgroupSupport(false, true, true, true, true, "0-" + (cpus - 1), "0", true, true, true, true, true,
        cpus);
  }

  /** Reads what the cgroups mounted under {@code /sys/fs/cgroup} offer. */
  public static CgroupSupport probe(HostFacts host) {
    return probe(Path.of("/sys/fs/cgroup"), host.cgroupVersion() == 2, host.swapLimit());
  }

  static CgroupSupport probe(Path root, boolean unified, boolean swapLimit) {
    int n = Runtime.getRuntime().availableProcessors();
    if (unified) {
      String controllers = read(root.resolve("cgroup.controllers"));
      List<String> c = List.of(controllers.split("\\s+"));
      boolean io = c.contains("io");
      return new CgroupSupport(true, c.contains("cpu"), c.contains("cpu"), false, c.contains("cpuset"),
          orElse(read(root.resolve("cpuset.cpus.effective")), "0-" + (n - 1)),
          orElse(read(root.resolve("cpuset.mems.effective")), "0"), swapLimit, false,
          io && anyChildHas(root, "io.weight"), io && anyChildHas(root, "io.weight"), io, n);
    }
    Path cpu = root.resolve("cpu");
    Path blkio = root.resolve("blkio");
    boolean weight = Files.exists(blkio.resolve("blkio.weight")) || Files.exists(blkio.resolve("blkio.bfq.weight"));
    return new CgroupSupport(false, Files.exists(cpu.resolve("cpu.shares")), Files.exists(cpu.resolve("cpu.cfs_quota_us")),
        Files.exists(cpu.resolve("cpu.rt_runtime_us")), Files.isDirectory(root.resolve("cpuset")),
        orElse(read(root.resolve("cpuset/cpuset.cpus")), "0-" + (n - 1)), orElse(read(root.resolve("cpuset/cpuset.mems")), "0"),
        swapLimit, Files.exists(root.resolve("memory/memory.swappiness")), weight,
        Files.exists(blkio.resolve("blkio.weight_device")) || Files.exists(blkio.resolve("blkio.bfq.weight_device")),
        Files.exists(blkio.resolve("blkio.throttle.read_bps_device")), n);
  }

  private static boolean anyChildHas(Path root, String file) {
    try (var dirs = Files.list(root)) {
      return dirs.anyMatch(d -> Files.exists(d.resolve(file)));
    } catch (IOException e) {
      return false;
    }
  }

  private static String orElse(String s, String fallback) {
    return s.isEmpty() ? fallback : s;
  }

  /** A cgroup file's content, trimmed; "" when unreadable. */
  static String read(Path file) {
    try {
      // readAllLines: kernel files do not report their size
      return String.join("\n", Files.readAllLines(file)).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
