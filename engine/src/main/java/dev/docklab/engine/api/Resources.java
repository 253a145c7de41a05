package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A container's CPU, memory and block-I/O settings beyond {@code -m} and {@code --pids-limit}
 * ({@code --cpus}, {@code --cpu-shares}, {@code --memory-swap}...), as Docker's HostConfig names them; 0, "" or
 * empty where not given.
 *
 * @param nanoCpus {@code --cpus}, in billionths of a CPU
 * @param cpuShares {@code -c/--cpu-shares}, a relative weight
 * @param cpuPeriod {@code --cpu-period}, in microseconds
 * @param cpuQuota {@code --cpu-quota}, in microseconds per period
 * @param cpusetCpus {@code --cpuset-cpus}, e.g. {@code 0-1}
 * @param cpusetMems {@code --cpuset-mems}
 * @param memoryReservation {@code --memory-reservation}, in bytes
 * @param memorySwap {@code --memory-swap}: memory plus swap in bytes; -1 for unlimited swap
 * @param memorySwappiness {@code --memory-swappiness}, 0 to 100; null where not given (-1 read as null)
 * @param oomKillDisable {@code --oom-kill-disable}
 * @param oomScoreAdj {@code --oom-score-adj}
 * @param blkioWeight {@code --blkio-weight}, 10 to 1000
 * @param cpuRealtimePeriod {@code --cpu-rt-period}, in microseconds
 * @param cpuRealtimeRuntime {@code --cpu-rt-runtime}, in microseconds
 * @param blkioWeightDevice {@code --blkio-weight-device}
 * @param blkioDeviceReadBps {@code --device-read-bps}
 * @param blkioDeviceWriteBps {@code --device-write-bps}
 * @param blkioDeviceReadIOps {@code --device-read-iops}
 * @param blkioDeviceWriteIOps {@code --device-write-iops}
 * @param cgroupParent {@code --cgroup-parent}: the cgroup the container's is made in ("" for the engine's)
 * @param cpuCount {@code --cpu-count}, kept and unused on Linux as Docker keeps it
 * @param kernelMemory {@code --kernel-memory}, discarded with Docker's warning
 * @param ioMaximumIOps {@code --io-maxiops}, refused on Linux as Docker refuses it
 * @param ioMaximumBandwidth {@code --io-maxbandwidth}, refused on Linux as Docker refuses it
 * @param cpuPercent {@code --cpu-percent}, discarded on Linux with Docker's warning
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Resources(long nanoCpus, long cpuShares, long cpuPeriod, long cpuQuota, String cpusetCpus,
    String cpusetMems, long memoryReservation, long memorySwap, Long memorySwappiness, boolean oomKillDisable,
    int oomScoreAdj, int blkioWeight, long cpuRealtimePeriod, long cpuRealtimeRuntime,
    List<WeightDevice> blkioWeightDevice, List<ThrottleDevice> blkioDeviceReadBps,
    List<ThrottleDevice> blkioDeviceWriteBps, List<ThrottleDevice> blkioDeviceReadIOps,
    List<ThrottleDevice> blkioDeviceWriteIOps, String cgroupParent, long cpuCount, long kernelMemory,
    long ioMaximumIOps, long ioMaximumBandwidth, long cpuPercent) {
  /** Nothing beyond the engine's defaults. */
  public static final Resources NONE = builder().build();

  public Resources {
    cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    cpusetMems = cpusetMems == null ? "" : cpusetMems;
    memorySwappiness = memorySwappiness == null || memorySwappiness < 0 ? null : memorySwappiness;
    blkioWeightDevice = blkioWeightDevice == null ? List.of() : List.copyOf(blkioWeightDevice);
    blkioDeviceReadBps = blkioDeviceReadBps == null ? List.of() : List.copyOf(blkioDeviceReadBps);
    blkioDeviceWriteBps = blkioDeviceWriteBps == null ? List.of() : List.copyOf(blkioDeviceWriteBps);
    blkioDeviceReadIOps = blkioDeviceReadIOps == null ? List.of() : List.copyOf(blkioDeviceReadIOps);
    blkioDeviceWriteIOps = blkioDeviceWriteIOps == null ? List.of() : List.copyOf(blkioDeviceWriteIOps);
    cgroupParent = cgroupParent == null ? "" : cgroupParent;
  }

  /** A builder starting from nothing given. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.nanoCpus = nanoCpus;
    b.cpuShares = cpuShares;
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.cpusetCpus = cpusetCpus;
    b.cpusetMems = cpusetMems;
    b.memoryReservation = memoryReservation;
    b.memorySwap = memorySwap;
    b.memorySwappiness = memorySwappiness;
    b.oomKillDisable = oomKillDisable;
    b.oomScoreAdj = oomScoreAdj;
    b.blkioWeight = blkioWeight;
    b.cpuRealtimePeriod = cpuRealtimePeriod;
    b.cpuRealtimeRuntime = cpuRealtimeRuntime;
    b.blkioWeightDevice = blkioWeightDevice;
    b.blkioDeviceReadBps = blkioDeviceReadBps;
    b.blkioDeviceWriteBps = blkioDeviceWriteBps;
    b.blkioDeviceReadIOps = blkioDeviceReadIOps;
    b.blkioDeviceWriteIOps = blkioDeviceWriteIOps;
    b.cgroupParent = cgroupParent;
    b.cpuCount = cpuCount;
    b.kernelMemory = kernelMemory;
    b.ioMaximumIOps = ioMaximumIOps;
    b.ioMaximumBandwidth = ioMaximumBandwidth;
    b.cpuPercent = cpuPercent;
    return b;
  }

  /**
   * {@code --blkio-weight-device PATH:WEIGHT}.
   *
   * @param path the block device's path on the host
   * @param weight 10 to 1000
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WeightDevice(String path, int weight) {}

  /**
   * {@code --device-read-bps PATH:RATE} and its siblings.
   *
   * @param path the block device's path on the host
   * @param rate bytes or operations per second
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ThrottleDevice(String path, long rate) {}

  /** Sets the fields one by one, Docker's names. */
  public static final class Builder {
    public long nanoCpus;
    public long cpuShares;
    public long cpuPeriod;
    public long cpuQuota;
    public String cpusetCpus = "";
    public String cpusetMems = "";
    public long memoryReservation;
    public long memorySwap;
    public Long memorySwappiness;
    public boolean oomKillDisable;
    public int oomScoreAdj;
    public int blkioWeight;
    public long cpuRealtimePeriod;
    public long cpuRealtimeRuntime;
    public List<WeightDevice> blkioWeightDevice = List.of();
    public List<ThrottleDevice> blkioDeviceReadBps = List.of();
    public List<ThrottleDevice> blkioDeviceWriteBps = List.of();
    public List<ThrottleDevice> blkioDeviceReadIOps = List.of();
    public List<ThrottleDevice> blkioDeviceWriteIOps = List.of();
    public String cgroupParent = "";
    public long cpuCount;
    public long kernelMemory;
    public long ioMaximumIOps;
    public long ioMaximumBandwidth;
    public long cpuPercent;

    public Resources build() {
      return new Resources(nanoCpus, cpuShares, cpuPeriod, cpuQuota, cpusetCpus, cpusetMems, memoryReservation,
          memorySwap, memorySwappiness, oomKillDisable, oomScoreAdj, blkioWeight, cpuRealtimePeriod,
          cpuRealtimeRuntime, blkioWeightDevice, blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps,
          blkioDeviceWriteIOps, cgroupParent, cpuCount, kernelMemory, ioMaximumIOps, ioMaximumBandwidth,
          cpuPercent);
    }
  }
}
