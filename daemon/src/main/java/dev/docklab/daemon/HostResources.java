package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.Resources;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /containers/create}'s CPU, memory and block-I/O settings ({@code NanoCpus}, {@code CpuShares}, {@code MemorySwap}...), read into the engine's {@link Resources}. */
final class HostResources {
  private HostResources() {}

  /** From the create body and its {@code HostConfig}. */
  static Resources read(JsonNode body, JsonNode host) {
    Resources.Builder b = Resources.builder();
    b.nanoCpus = host.path("NanoCpus").asLong(0);
    b.cpuShares = host.path("CpuShares").asLong(0);
    b.cpuPeriod = host.path("CpuPeriod").asLong(0);
    b.cpuQuota = host.path("CpuQuota").asLong(0);
    b.cpusetCpus = host.path("CpusetCpus").asText("");
    b.cpusetMems = host.path("CpusetMems").asText("");
    b.cpuRealtimePeriod = host.path("CpuRealtimePeriod").asLong(0);
    b.cpuRealtimeRuntime = host.path("CpuRealtimeRuntime").asLong(0);
    b.memoryReservation = host.path("MemoryReservation").asLong(0);
    b.memorySwap = host.path("MemorySwap").asLong(0);
    JsonNode swappiness = host.path("MemorySwappiness");
    b.memorySwappiness = swappiness.isNumber() && swappiness.asLong() != -1 ? swappiness.asLong() : null;
    b.oomKillDisable = host.path("OomKillDisable").asBoolean(false);
    b.oomScoreAdj = host.path("OomScoreAdj").asInt(0);
    b.blkioWeight = host.path("BlkioWeight").asInt(0);
    List<Resources.WeightDevice> weights = new ArrayList<>();
    for (JsonNode d : host.path("BlkioWeightDevice")) {
      weights.add(new Resources.WeightDevice(d.path("Path").asText(), d.path("Weight").asInt()));
    }
    b.blkioWeightDevice = weights;
    b.blkioDeviceReadBps = rates(host.path("BlkioDeviceReadBps"));
    b.blkioDeviceWriteBps = rates(host.path("BlkioDeviceWriteBps"));
    b.blkioDeviceReadIOps = rates(host.path("BlkioDeviceReadIOps"));
    b.blkioDeviceWriteIOps = rates(host.path("BlkioDeviceWriteIOps"));
    b.cgroupParent = host.path("CgroupParent").asText("");
    b.cpuCount = host.path("CpuCount").asLong(0);
    b.cpuPercent = host.path("CpuPercent").asLong(0);
    b.kernelMemory = host.path("KernelMemory").asLong(0);
    b.ioMaximumIOps = host.path("IOMaximumIOps").asLong(0);
    b.ioMaximumBandwidth = host.path("IOMaximumBandwidth").asLong(0);
    return b.build();
  }

  private static List<Resources.ThrottleDevice> rates(JsonNode list) {
    List<Resources.ThrottleDevice> out = new ArrayList<>();
    for (JsonNode d : list) {
      out.add(new Resources.ThrottleDevice(d.path("Path").asText(), d.path("Rate").asLong()));
    }
    return out;
  }
}
