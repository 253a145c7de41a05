package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A container's CPU, memory and block-I/O settings beyond {@code -m} and {@code --pids-limit}
 * ({@code --cpus}, {@code --cpu-shares}, {@code --memory-swap}...), as Docker's HostConfig names them; 0 (or -1
 * for swappiness) where not given.
 *
 * @param nanoCpus {@code --cpus}, in billionths of a CPU
 * @param cpuShares {@code -c/--cpu-shares}, a relative weight
 * @param cpuPeriod {@code --cpu-period}, in microseconds
 * @param cpuQuota {@code --cpu-quota}, in microseconds per period
 * @param cpusetCpus {@code --cpuset-cpus}, e.g. {@code 0-1}
 * @param cpusetMems {@code --cpuset-mems}
 * @param memoryReservation {@code --memory-reservation}, in bytes
 * @param memorySwap {@code --memory-swap}: memory plus swap in bytes; -1 for unlimited swap
 * @param memorySwappiness {@code --memory-swappiness}, 0 to 100; -1 where not given
 * @param oomKillDisable {@code --oom-kill-disable}
 * @param oomScoreAdj {@code --oom-score-adj}
 * @param blkioWeight {@code --blkio-weight}, 10 to 1000
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Resources(long nanoCpus, long cpuShares, long cpuPeriod, long cpuQuota, String cpusetCpus,
    String cpusetMems, long memoryReservation, long memorySwap, int memorySwappiness, boolean oomKillDisable,
    int oomScoreAdj, int blkioWeight) {
  /** Nothing beyond the engine's defaults. */
  public static final Resources NONE = new Resources(0, 0, 0, 0, "", "", 0, 0, -1, false, 0, 0);

  public Resources {
    cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    cpusetMems = cpusetMems == null ? "" : cpusetMems;
  }
}
