package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CPU, memory and block-I/O keys of {@code docker inspect}'s HostConfig, and HostConfig's keys in Docker's order. */
final class ResourceKeys {

  private ResourceKeys() {}

  /** Puts the resource keys of {@code c} (with its memory and pids limits) into {@code host}. */
  static void put(Map<String, Object> host, Container c) {
    Resources r = c.resources();
    long memory = c.hostConfig().memory();
    host.put("OomScoreAdj", r.oomScoreAdj());
    host.put("CpuShares", r.cpuShares());
    host.put("Memory", memory);
    host.put("NanoCpus", r.nanoCpus());
    host.put("CgroupParent", r.cgroupParent());
    host.put("BlkioWeight", r.blkioWeight());
    host.put("BlkioWeightDevice", weights(r.blkioWeightDevice()));
    host.put("BlkioDeviceReadBps", rates(r.blkioDeviceReadBps()));
    host.put("BlkioDeviceWriteBps", rates(r.blkioDeviceWriteBps()));
    host.put("BlkioDeviceReadIOps", rates(r.blkioDeviceReadIOps()));
    host.put("BlkioDeviceWriteIOps", rates(r.blkioDeviceWriteIOps()));
    host.put("CpuPeriod", r.cpuPeriod());
    host.put("CpuQuota", r.cpuQuota());
    host.put("CpuRealtimePeriod", r.cpuRealtimePeriod());
    host.put("CpuRealtimeRuntime", r.cpuRealtimeRuntime());
    host.put("CpusetCpus", r.cpusetCpus());
    host.put("CpusetMems", r.cpusetMems());
    host.put("MemoryReservation", r.memoryReservation());
    // Docker records the default swap at create: as much again as the memory limit
    host.put("MemorySwap", r.memorySwap() != 0 ? r.memorySwap() : memory > 0 ? 2 * memory : 0);
    host.put("MemorySwappiness", r.memorySwappiness());
    host.put("OomKillDisable", r.oomKillDisable());
    host.put("PidsLimit", c.hostConfig().pidsLimit() > 0 ? c.hostConfig().pidsLimit() : null);
    host.put("CpuCount", r.cpuCount());
    host.put("CpuPercent", r.cpuPercent());
    host.put("IOMaximumIOps", r.ioMaximumIOps());
    host.put("IOMaximumBandwidth", r.ioMaximumBandwidth());
  }

  private static List<Map<String, Object>> weights(List<Resources.WeightDevice> devices) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Resources.WeightDevice d : devices) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Path", d.path());
      m.put("Weight", d.weight());
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> rates(List<Resources.ThrottleDevice> devices) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Resources.ThrottleDevice d : devices) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Path", d.path());
      m.put("Rate", d.rate());
      out.add(m);
    }
    return out;
  }
}
