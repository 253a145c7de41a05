package dev.docklab.engine.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker inspect}'s HostConfig keys in the order Docker 28 prints them (its Go struct's order). */
final class HostConfigOrder {
  static final List<String> KEYS = List.of("Binds", "ContainerIDFile", "LogConfig", "NetworkMode", "PortBindings",
      "RestartPolicy", "AutoRemove", "VolumeDriver", "VolumesFrom", "ConsoleSize", "Annotations", "CapAdd",
      "CapDrop", "CgroupnsMode", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts", "GroupAdd", "IpcMode", "Cgroup",
      "Links", "OomScoreAdj", "PidMode", "Privileged", "PublishAllPorts", "ReadonlyRootfs", "SecurityOpt",
      "StorageOpt", "Tmpfs", "UTSMode", "UsernsMode", "ShmSize", "Sysctls", "Runtime", "Isolation", "CpuShares",
      "Memory", "NanoCpus", "CgroupParent", "BlkioWeight", "BlkioWeightDevice", "BlkioDeviceReadBps",
      "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps", "CpuPeriod", "CpuQuota",
      "CpuRealtimePeriod", "CpuRealtimeRuntime", "CpusetCpus", "CpusetMems", "Devices", "DeviceCgroupRules",
      "DeviceRequests", "MemoryReservation", "MemorySwap", "MemorySwappiness", "OomKillDisable", "PidsLimit",
      "Ulimits", "CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth", "Mounts", "MaskedPaths",
      "ReadonlyPaths", "Init");

  private HostConfigOrder() {}

  /** {@code host} with Docker's keys in Docker's order; any other key after them, as it came. */
  static Map<String, Object> sorted(Map<String, Object> host) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      if (host.containsKey(k)) {
        out.put(k, host.get(k));
      }
    }
    host.forEach(out::putIfAbsent);
    return out;
  }
}
