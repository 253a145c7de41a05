package dev.docklab.engine.api;

import java.time.Instant;

/**
 * One reading of a running container's counters, as Docker's stats API carries them: from its cgroup
 * (cpu, memory, block I/O, pids) and its network namespace; all 0 for a container that is not running.
 *
 * @param read when it was read
 * @param cpuTotalNanos CPU time its processes used, in nanoseconds
 * @param systemCpuNanos the host's CPU time (all CPUs, since boot), in nanoseconds, as Docker reads /proc/stat
 * @param onlineCpus how many CPUs the host has
 * @param memoryUsage memory in use, as Docker counts it (without the inactive file cache)
 * @param memoryLimit its memory limit, or the host's memory when it has none
 * @param memoryCache the inactive file cache Docker subtracts from the cgroup's usage
 * @param netRx bytes received on its interfaces
 * @param netTx bytes sent on its interfaces
 * @param blockRead bytes read from block devices
 * @param blockWrite bytes written to block devices
 * @param pids how many processes (and threads) it has
 */
public record StatsSample(Instant read, long cpuTotalNanos, long systemCpuNanos, int onlineCpus, long memoryUsage,
    long memoryLimit, long memoryCache, long netRx, long netTx, long blockRead, long blockWrite, long pids) {

  /**
   * The CPU percentage between {@code previous} and this reading, as the docker CLI computes it: the
   * container's share of the host's CPU time times the number of CPUs.
   */
  public double cpuPercent(StatsSample previous) {
    long cpuDelta = cpuTotalNanos - previous.cpuTotalNanos;
    long systemDelta = systemCpuNanos - previous.systemCpuNanos;
    if (systemDelta <= 0 || cpuDelta <= 0) {
      return 0.0;
    }
    return (double) cpuDelta / systemDelta * onlineCpus * 100.0;
  }

  /** Memory in use as a percentage of the limit. */
  public double memoryPercent() {
    return memoryLimit <= 0 ? 0.0 : (double) memoryUsage / memoryLimit * 100.0;
  }
}
