package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a container's CPU, memory and block-I/O settings (cgroup resources) into its OCI spec, over {@link OciSpec}'s
 * defaults, as Docker's {@code daemon/oci_linux.go} does; the runtime writes them to the cgroup files (cpu.max,
 * cpu.weight, memory.low... on cgroup v2; cpu.cfs_quota_us, cpu.shares, memory.soft_limit_in_bytes... on v1).
 */
final class SpecResources {
  private SpecResources() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.resources()}. */
  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    Resources r = s.resources();
    Map<String, Object> linux = (Map<String, Object>) spec.get("linux");
    Map<String, Object> res = (Map<String, Object>) linux.get("resources");
    res.putAll(linuxResources(r, s.memoryBytes(), host.swapLimit()));
    ((Map<String, Object>) spec.get("process")).put("oomScoreAdj", r.oomScoreAdj());
  }

  /**
   * The OCI {@code linux.resources} entries for {@code r} beyond devices and pids ({@code cpu}, {@code memory},
   * {@code blockIO}), with the memory limit {@code memory} (0 or less: none); also what {@code runc update} takes.
   */
  static Map<String, Object> linuxResources(Resources r, long memory, boolean swapLimit) {
    Map<String, Object> res = new LinkedHashMap<>();
    Map<String, Object> mem = new LinkedHashMap<>();
    if (memory > 0) {
      mem.put("limit", memory);
      if (swapLimit) {
        mem.put("swap", r.memorySwap() != 0 ? r.memorySwap() : 2 * memory); // Docker's default: as much again
      }
    } else if (swapLimit && r.memorySwap() != 0) {
      mem.put("swap", r.memorySwap());
    }
    if (r.memoryReservation() > 0) {
      mem.put("reservation", r.memoryReservation());
    }
    if (r.memorySwappiness() != null) {
      mem.put("swappiness", r.memorySwappiness());
    }
    if (r.oomKillDisable()) {
      mem.put("disableOOMKiller", true);
    }
    if (!mem.isEmpty()) {
      res.put("memory", mem);
    }
    Map<String, Object> cpu = cpu(r);
    if (!cpu.isEmpty()) {
      res.put("cpu", cpu);
    }
    Map<String, Object> io = blockIo(r);
    if (!io.isEmpty()) {
      res.put("blockIO", io);
    }
    return res;
  }

  private static Map<String, Object> cpu(Resources r) {
    Map<String, Object> cpu = new LinkedHashMap<>();
    if (r.cpuShares() > 0) {
      cpu.put("shares", r.cpuShares());
    }
    if (r.nanoCpus() > 0) {
      // Docker's --cpus: a period of 100 ms and the quota of that many CPUs in it
      long period = 100_000;
      cpu.put("quota", r.nanoCpus() * period / 1_000_000_000L);
      cpu.put("period", period);
    }
    if (r.cpuQuota() != 0) {
      cpu.put("quota", r.cpuQuota());
    }
    if (r.cpuPeriod() != 0) {
      cpu.put("period", r.cpuPeriod());
    }
    if (r.cpuRealtimeRuntime() != 0) {
      cpu.put("realtimeRuntime", r.cpuRealtimeRuntime());
    }
    if (r.cpuRealtimePeriod() != 0) {
      cpu.put("realtimePeriod", r.cpuRealtimePeriod());
    }
    if (!r.cpusetCpus().isEmpty()) {
      cpu.put("cpus", r.cpusetCpus());
    }
    if (!r.cpusetMems().isEmpty()) {
      cpu.put("mems", r.cpusetMems());
    }
    return cpu;
  }

  private static Map<String, Object> blockIo(Resources r) {
    Map<String, Object> io = new LinkedHashMap<>();
    if (r.blkioWeight() > 0) {
      io.put("weight", r.blkioWeight());
    }
    if (!r.blkioWeightDevice().isEmpty()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Resources.WeightDevice d : r.blkioWeightDevice()) {
        Map<String, Object> e = device(d.path());
        e.put("weight", d.weight());
        list.add(e);
      }
      io.put("weightDevice", list);
    }
    throttle(io, "throttleReadBpsDevice", r.blkioDeviceReadBps());
    throttle(io, "throttleWriteBpsDevice", r.blkioDeviceWriteBps());
    throttle(io, "throttleReadIOPSDevice", r.blkioDeviceReadIOps());
    throttle(io, "throttleWriteIOPSDevice", r.blkioDeviceWriteIOps());
    return io;
  }

  private static void throttle(Map<String, Object> io, String key, List<Resources.ThrottleDevice> devices) {
    if (devices.isEmpty()) {
      return;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Resources.ThrottleDevice d : devices) {
      Map<String, Object> e = device(d.path());
      e.put("rate", d.rate());
      list.add(e);
    }
    io.put(key, list);
  }

  /** The major and minor numbers of the block device at {@code path}, as Docker stats it. */
  static Map<String, Object> device(String path) {
    long rdev;
    try {
      rdev = ((Number) Files.getAttribute(Path.of(path), "unix:rdev")).longValue();
    } catch (NoSuchFileException e) {
      throw EngineException.invalid("stat " + path + ": no such file or directory");
    } catch (IOException | UnsupportedOperationException e) {
      throw EngineException.invalid("stat " + path + ": " + e.getMessage());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("major", ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    m.put("minor", (rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    return m;
  }
}
