package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.api.StatsSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupStatsTest {
  @TempDir
  Path tmp;

  private void write(String path, String text) throws Exception {
    Path p = tmp.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void proc() throws Exception {
    write("proc/stat", "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n");
    write("proc/meminfo", "MemTotal:       2048000 kB\nMemFree:        1000 kB\n");
    write("proc/42/net/dev", "Inter-|   Receive                                                |  Transmit\n"
        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
        + "    lo:  999999      10    0    0    0     0          0         0   999999      10    0    0    0     0       0          0\n"
        + "  eth0:    1296      16    0    0    0     0          0         0      936      12    0    0    0     0       0          0\n");
  }

  @Test
  void readsCgroupV1AsDockerDoes() throws Exception {
    proc();
    String c = "docklab/abc";
    write("cg/cpuacct/" + c + "/cpuacct.usage", "123456789\n");
    write("cg/memory/" + c + "/memory.usage_in_bytes", "10485760\n");
    write("cg/memory/" + c + "/memory.limit_in_bytes", "67108864\n");
    write("cg/memory/" + c + "/memory.stat", "cache 4096\ntotal_inactive_file 2097152\n");
    write("cg/blkio/" + c + "/blkio.throttle.io_service_bytes_recursive",
        "254:0 Read 4096\n254:0 Write 8192\n254:0 Sync 0\n254:0 Total 12288\nTotal 12288\n");
    write("cg/pids/" + c + "/pids.current", "3\n");
    StatsSample s = new CgroupStats(tmp.resolve("cg"), false, tmp.resolve("proc")).read("/" + c, 42);
    assertEquals(123456789L, s.cpuTotalNanos());
    assertEquals(1000L * 10_000_000L, s.systemCpuNanos(), "user..steal, in ticks of 10 ms");
    assertEquals(8L * 1024 * 1024, s.memoryUsage(), "usage less the inactive file cache");
    assertEquals(64L * 1024 * 1024, s.memoryLimit());
    assertEquals(1296, s.netRx());
    assertEquals(936, s.netTx());
    assertEquals(4096, s.blockRead());
    assertEquals(8192, s.blockWrite());
    assertEquals(3, s.pids());
  }

  @Test
  void readsCgroupV2AndCapsNoLimitAtTheHostsMemory() throws Exception {
    proc();
    String c = "docklab/abc";
    write("cg/" + c + "/cpu.stat", "usage_usec 2500\nuser_usec 2000\n");
    write("cg/" + c + "/memory.current", "1048576\n");
    write("cg/" + c + "/memory.max", "max\n");
    write("cg/" + c + "/memory.stat", "anon 4096\ninactive_file 4096\n");
    write("cg/" + c + "/io.stat", "254:0 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n");
    write("cg/" + c + "/pids.current", "1\n");
    StatsSample s = new CgroupStats(tmp.resolve("cg"), true, tmp.resolve("proc")).read("/" + c, 42);
    assertEquals(2_500_000L, s.cpuTotalNanos());
    assertEquals(1048576L - 4096, s.memoryUsage());
    assertEquals(2048000L * 1024, s.memoryLimit());
    assertEquals(100, s.blockRead());
    assertEquals(200, s.blockWrite());
    assertEquals(1, s.pids());
  }

  @Test
  void cpuPercentIsTheShareOfHostTimeTimesTheCpus() {
    StatsSample a = new StatsSample(Instant.EPOCH, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0);
    StatsSample b = new StatsSample(Instant.EPOCH, 500_000_000L, 2_000_000_000L, 2, 0, 1, 0, 0, 0, 0, 0, 0);
    assertEquals(50.0, b.cpuPercent(a), 1e-9);
  }
}
