package dev.docklab.engine.runtime;

import dev.docklab.engine.api.StatsSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Reads a running container's counters where Docker's stats read them: its cgroup (CPU time, memory, block I/O,
 * pids) on cgroup v1 or v2, its network namespace's interfaces through {@code /proc/PID/net/dev}, and the
 * host's CPU time from {@code /proc/stat}.
 */
public final class CgroupStats {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ, as Docker assumes
  private final Path root;
  private final boolean unified;
  private final Path proc;

  /** This host's cgroups and /proc. */
  public CgroupStats(HostFacts host) {
    this(Path.of("/sys/fs/cgroup"), host.cgroupVersion() == 2, Path.of("/proc"));
  }

  CgroupStats(Path root, boolean unified, Path proc) {
    this.root = root;
    this.unified = unified;
    this.proc = proc;
  }

  /** One reading of the cgroup {@code cgroupsPath} whose init process is {@code pid} on the host. */
  public StatsSample read(String cgroupsPath, long pid) {
    Cgroups cg = new Cgroups(root, unified);
    long cpu;
    long usage;
    long limit;
    long cache;
    long[] io;
    long pids;
    if (unified) {
      Path dir = cg.dir("", cgroupsPath);
      cpu = Cgroups.counter(dir.resolve("cpu.stat"), "usage_usec") * 1000;
      usage = number(dir.resolve("memory.current"));
      limit = number(dir.resolve("memory.max"));
      cache = Cgroups.counter(dir.resolve("memory.stat"), "inactive_file");
      io = ioStat(dir.resolve("io.stat"));
      pids = number(dir.resolve("pids.current"));
    } else {
      cpu = number(cg.dir("cpuacct", cgroupsPath).resolve("cpuacct.usage"));
      Path mem = cg.dir("memory", cgroupsPath);
      usage = number(mem.resolve("memory.usage_in_bytes"));
      limit = number(mem.resolve("memory.limit_in_bytes"));
      cache = Cgroups.counter(mem.resolve("memory.stat"), "total_inactive_file");
      io = blkioStat(cg.dir("blkio", cgroupsPath).resolve("blkio.throttle.io_service_bytes_recursive"));
      pids = number(cg.dir("pids", cgroupsPath).resolve("pids.current"));
    }
    long hostMemory = hostMemory();
    if (limit <= 0 || limit > hostMemory) {
      limit = hostMemory;
    }
    long[] net = netDev(proc.resolve(String.valueOf(pid)).resolve("net/dev"));
    // Docker's usage: the cgroup's, less the inactive file cache the kernel may drop at once
    long shown = cache < usage ? usage - cache : usage;
    return new StatsSample(Instant.now(), cpu, systemCpu(), Runtime.getRuntime().availableProcessors(), shown, limit,
        cache, net[0], net[1], io[0], io[1], pids);
  }

  /** The host's CPU time in nanoseconds: the first line of {@code /proc/stat}, as Docker sums it. */
  long systemCpu() {
    for (String line : lines(proc.resolve("stat"))) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long ticks = 0;
        for (int i = 1; i < Math.min(f.length, 8); i++) {
          ticks += Long.parseLong(f[i]);
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
      }
    }
    return 0;
  }

  private long hostMemory() {
    for (String line : lines(proc.resolve("meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    }
    return Long.MAX_VALUE;
  }

  /** Bytes received and sent on every interface but loopback. */
  static long[] netDev(Path file) {
    long rx = 0;
    long tx = 0;
    for (String line : lines(file)) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.substring(0, colon).trim().equals("lo")) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length >= 9) {
        rx += Long.parseLong(f[0]);
        tx += Long.parseLong(f[8]);
      }
    }
    return new long[] {rx, tx};
  }

  /** Bytes read and written, from v1's {@code MAJ:MIN Read N} lines. */
  static long[] blkioStat(Path file) {
    long r = 0;
    long w = 0;
    for (String line : lines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && f[1].equals("Read")) {
        r += Long.parseLong(f[2]);
      } else if (f.length == 3 && f[1].equals("Write")) {
        w += Long.parseLong(f[2]);
      }
    }
    return new long[] {r, w};
  }

  /** Bytes read and written, from v2's {@code MAJ:MIN rbytes=N wbytes=N ...} lines. */
  static long[] ioStat(Path file) {
    long r = 0;
    long w = 0;
    for (String line : lines(file)) {
      for (String kv : line.trim().split("\\s+")) {
        if (kv.startsWith("rbytes=")) {
          r += Long.parseLong(kv.substring(7));
        } else if (kv.startsWith("wbytes=")) {
          w += Long.parseLong(kv.substring(7));
        }
      }
    }
    return new long[] {r, w};
  }

  /** A file of one number ("max" reads as 0: no limit); 0 when absent. */
  static long number(Path file) {
    List<String> l = lines(file);
    if (l.isEmpty() || l.get(0).isBlank() || l.get(0).trim().equals("max")) {
      return 0;
    }
    try {
      return Long.parseLong(l.get(0).trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
