package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Docker's daemon-side checks of a container's resources ({@code verifyPlatformContainerResources} and its
 * siblings): a refusal in Docker's words, or the settings as the host can honour them with Docker's warning for
 * each one discarded.
 */
public final class ResourceRules {
  /** Docker's smallest memory limit or reservation: 6 MiB. */
  static final long MIN_MEMORY = 6L * 1024 * 1024;

  private ResourceRules() {}

  /**
   * The settings as applied, and the warnings Docker gives for them.
   *
   * @param resources what the host can honour of what was asked
   * @param warnings Docker's warnings, one line each
   */
  public record Checked(Resources resources, List<String> warnings) {}

  /**
   * Checks {@code r} with the memory limit {@code memory} (0 for none) on a host that offers {@code sup}.
   *
   * @param update for {@code docker update}, where a swap limit may come without a memory limit
   */
  public static Checked check(Resources r, long memory, CgroupSupport sup, boolean update) {
    List<String> warnings = new ArrayList<>();
    Resources.Builder b = r.toBuilder();
    if (memory > 0 && memory < MIN_MEMORY) {
      throw invalid("Minimum memory limit allowed is 6MB"); // the daemon's check: the API's clients get it too
    }
    if (b.memorySwap > 0 && !sup.swapLimit()) {
      warnings.add("Your kernel does not support swap limit capabilities or the cgroup is not mounted. "
          + "Memory limited without swap.");
      b.memorySwap = 0;
    }
    if (memory > 0 && b.memorySwap > 0 && b.memorySwap < memory) {
      throw invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (memory <= 0 && b.memorySwap > 0 && !update) {
      throw invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (b.memorySwappiness != null && !sup.swappiness()) {
      warnings.add("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. "
          + "Memory swappiness discarded.");
      b.memorySwappiness = null;
    }
    if (b.memorySwappiness != null && (b.memorySwappiness < 0 || b.memorySwappiness > 100)) {
      throw invalid("Invalid value: " + b.memorySwappiness + ", valid memory swappiness range is 0-100");
    }
    if (b.memoryReservation > 0 && b.memoryReservation < MIN_MEMORY) {
      throw invalid("Minimum memory reservation allowed is 6MB");
    }
    if (memory > 0 && b.memoryReservation > 0 && memory < b.memoryReservation) {
      throw invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
    }
    if (b.kernelMemory != 0) {
      // kernel memory limits are gone from cgroup v2 and deprecated on v1 since Linux 5.4: Docker discards them
      warnings.add("Your kernel does not support kernel memory limit capabilities or the cgroup is not mounted. "
          + "Limitation discarded.");
      b.kernelMemory = 0;
    }
    if (b.oomKillDisable && sup.unified()) {
      // cgroup v2 has no switch for the OOM killer
      warnings.add("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
      b.oomKillDisable = false;
    }
    if (b.oomKillDisable && memory <= 0) {
      warnings.add("OOM killer is disabled for the container, but no memory limit is set, this can result in the "
          + "system running out of resources.");
    }
    cpu(b, sup, warnings);
    cpuset(b, sup, warnings);
    blkio(b, sup, warnings);
    if (b.oomScoreAdj < -1000 || b.oomScoreAdj > 1000) {
      throw invalid("Invalid value " + b.oomScoreAdj + ", range for oom score adj is [-1000, 1000]");
    }
    return new Checked(b.build(), List.copyOf(warnings));
  }

  private static void cpu(Resources.Builder b, CgroupSupport sup, List<String> warnings) {
    if (b.nanoCpus > 0 && b.cpuPeriod > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (b.nanoCpus > 0 && b.cpuQuota > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    if (b.nanoCpus > 0 && !sup.cpuCfs()) {
      throw invalid("NanoCPUs can not be set, as your kernel does not support CPU CFS scheduler or the cgroup is "
          + "not mounted");
    }
    if (b.nanoCpus < 0 || b.nanoCpus > sup.onlineCpus() * 1_000_000_000L) {
      throw invalid("Range of CPUs is from 0.01 to " + sup.onlineCpus() + ".00, as there are only "
          + sup.onlineCpus() + " CPUs available");
    }
    if (b.cpuShares < 0) {
      throw invalid("shares: invalid argument");
    }
    if (b.cpuShares > 0 && !sup.cpuShares()) {
      warnings.add("Your kernel does not support CPU shares or the cgroup is not mounted. Shares discarded.");
      b.cpuShares = 0;
    }
    if ((b.cpuPeriod != 0 || b.cpuQuota != 0) && !sup.cpuCfs()) {
      warnings.add("Your kernel does not support CPU CFS scheduler. CPU period/quota discarded.");
      b.cpuPeriod = 0;
      b.cpuQuota = 0;
    }
    if (b.cpuPeriod != 0 && (b.cpuPeriod < 1000 || b.cpuPeriod > 1_000_000)) {
      throw invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
    if (b.cpuQuota > 0 && b.cpuQuota < 1000) {
      throw invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    if (b.cpuPercent > 0) {
      warnings.add("linux does not support CPU percent. Percent discarded.");
      b.cpuPercent = 0;
    }
    if (b.cpuRealtimePeriod > 0 && !sup.cpuRealtime()) {
      throw invalid("Your kernel does not support cgroup cpu real-time period");
    }
    if (b.cpuRealtimeRuntime > 0 && !sup.cpuRealtime()) {
      throw invalid("Your kernel does not support cgroup cpu real-time runtime");
    }
    if (b.cpuRealtimePeriod != 0 && b.cpuRealtimeRuntime != 0 && b.cpuRealtimeRuntime > b.cpuRealtimePeriod) {
      throw invalid("cpu real-time runtime cannot be higher than cpu real-time period");
    }
  }

  private static void cpuset(Resources.Builder b, CgroupSupport sup, List<String> warnings) {
    if ((!b.cpusetCpus.isEmpty() || !b.cpusetMems.isEmpty()) && !sup.cpuset()) {
      warnings.add("Your kernel does not support cpuset or the cgroup is not mounted. Cpuset discarded.");
      b.cpusetCpus = "";
      b.cpusetMems = "";
    }
    if (!b.cpusetCpus.isEmpty() && !available(b.cpusetCpus, sup.cpus(), "cpus")) {
      throw invalid("Requested CPUs are not available - requested " + b.cpusetCpus + ", available: " + sup.cpus());
    }
    if (!b.cpusetMems.isEmpty() && !available(b.cpusetMems, sup.mems(), "mems")) {
      throw invalid("Requested memory nodes are not available - requested " + b.cpusetMems + ", available: "
          + sup.mems());
    }
  }

  private static void blkio(Resources.Builder b, CgroupSupport sup, List<String> warnings) {
    if (b.blkioWeight > 0 && !sup.blkioWeight()) {
      warnings.add("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
      b.blkioWeight = 0;
    }
    if (b.blkioWeight > 0 && (b.blkioWeight < 10 || b.blkioWeight > 1000)) {
      throw invalid("Range of blkio weight is from 10 to 1000");
    }
    if (b.ioMaximumBandwidth != 0 || b.ioMaximumIOps != 0) {
      throw invalid("Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps");
    }
    if (!b.blkioWeightDevice.isEmpty() && !sup.blkioWeightDevice()) {
      warnings.add("Your kernel does not support Block I/O weight_device or the cgroup is not mounted. "
          + "Weight-device discarded.");
      b.blkioWeightDevice = List.of();
    }
    if (!sup.blkioThrottle()) {
      if (!b.blkioDeviceReadBps.isEmpty()) {
        warnings.add("Your kernel does not support BPS Block I/O read limit or the cgroup is not mounted. "
            + "Block I/O BPS read limit discarded.");
      }
      if (!b.blkioDeviceWriteBps.isEmpty()) {
        warnings.add("Your kernel does not support BPS Block I/O write limit or the cgroup is not mounted. "
            + "Block I/O BPS write limit discarded.");
      }
      if (!b.blkioDeviceReadIOps.isEmpty()) {
        warnings.add("Your kernel does not support IOPS Block read limit or the cgroup is not mounted. "
            + "Block I/O IOPS read limit discarded.");
      }
      if (!b.blkioDeviceWriteIOps.isEmpty()) {
        warnings.add("Your kernel does not support IOPS Block write limit or the cgroup is not mounted. "
            + "Block I/O IOPS write limit discarded.");
      }
      b.blkioDeviceReadBps = List.of();
      b.blkioDeviceWriteBps = List.of();
      b.blkioDeviceReadIOps = List.of();
      b.blkioDeviceWriteIOps = List.of();
    }
  }

  /** Whether every number of the list {@code asked} ({@code 0-2,4}) is in {@code offered}; Docker's errors if malformed. */
  static boolean available(String asked, String offered, String what) {
    TreeSet<Integer> want;
    try {
      want = parseList(asked);
    } catch (IllegalArgumentException e) {
      throw invalid("Invalid value " + asked + " for cpuset " + what + ": invalid format: " + asked);
    }
    TreeSet<Integer> have = parseList(offered);
    return have.containsAll(want);
  }

  /** A list of numbers and ranges as the kernel writes cpusets: {@code 0-3,8}. */
  static TreeSet<Integer> parseList(String text) {
    TreeSet<Integer> out = new TreeSet<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : text.trim().split(",")) {
      String[] ends = part.split("-", -1);
      if (ends.length > 2 || !ends[0].matches("\\d+") || (ends.length == 2 && !ends[1].matches("\\d+"))) {
        throw new IllegalArgumentException(part);
      }
      int lo = Integer.parseInt(ends[0]);
      int hi = ends.length == 2 ? Integer.parseInt(ends[1]) : lo;
      if (hi < lo) {
        throw new IllegalArgumentException(part);
      }
      for (int i = lo; i <= hi && i - lo < 4096; i++) {
        out.add(i);
      }
    }
    return out;
  }

  private static EngineException invalid(String message) {
    return EngineException.invalid(message);
  }
}
