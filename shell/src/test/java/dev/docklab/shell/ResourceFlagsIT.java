package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resource flags of {@code docker run}, {@code docker update} and {@code docker stats} on the real engine:
 * the container's own cgroup files read from inside it, as a learner reads them (cgroup v1 or v2, whichever
 * this host has).
 */
class ResourceFlagsIT {
  private static final boolean V2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
  private static final String PARENT = "docklab-it-parent-" + ProcessHandle.current().pid();
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-res-"));
    t.run("docker images -q");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
    List<Path> hierarchies;
    try (Stream<Path> all = Files.list(Path.of("/sys/fs/cgroup"))) {
      hierarchies = V2 ? List.of(Path.of("/sys/fs/cgroup")) : all.filter(Files::isDirectory).toList();
    }
    for (Path hierarchy : hierarchies) {
      Path dir = hierarchy.resolve(PARENT);
      if (Files.isDirectory(dir)) {
        Files.delete(dir); // an empty cgroup goes with rmdir
      }
    }
  }

  /** The command that prints a cgroup file of the container from inside it: v1 name, v2 name. */
  private static String cat(String v1, String v2) {
    return "cat /sys/fs/cgroup/" + (V2 ? v2 : v1);
  }

  private static String run(String flags, String command) {
    Transcript.Result r = t.run("docker run --rm " + flags + " busybox " + command);
    assertEquals(0, r.status(), r.err());
    return r.out();
  }

  @Test
  void cpuLimitsAreTheContainersCgroup() {
    assertEquals(V2 ? "150000 100000\n" : "150000\n100000\n", run("--cpus 1.5",
        V2 ? "cat /sys/fs/cgroup/cpu.max" : "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us"));
    assertEquals(V2 ? "25000 50000\n" : "25000\n50000\n", run("--cpu-quota 25000 --cpu-period 50000",
        V2 ? "cat /sys/fs/cgroup/cpu.max" : "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us"));
    // runc's conversion of shares to cgroup v2's weight: 1 + (512 - 2) * 9999 / 262142
    assertEquals(V2 ? "20\n" : "512\n", run("-c 512", cat("cpu/cpu.shares", "cpu.weight")));
    assertEquals("0\n", run("--cpuset-cpus 0 --cpuset-mems 0", cat("cpuset/cpuset.cpus", "cpuset.cpus")));
  }

  @Test
  void memorySettingsAreTheContainersCgroup() {
    assertEquals("33554432\n", run("-m 64m --memory-reservation 32m",
        cat("memory/memory.soft_limit_in_bytes", "memory.low")));
    // v1 counts memory plus swap; v2 counts swap alone
    assertEquals(V2 ? "67108864\n" : "134217728\n", run("-m 64m --memory-swap 128m",
        cat("memory/memory.memsw.limit_in_bytes", "memory.swap.max")));
    assertEquals("500\n", run("--oom-score-adj 500", "cat /proc/self/oom_score_adj"));
    if (!V2) {
      assertEquals("0\n", run("--memory-swappiness 0", cat("memory/memory.swappiness", "")));
      assertTrue(run("-m 64m --oom-kill-disable", cat("memory/memory.oom_control", ""))
          .contains("oom_kill_disable 1"));
    }
  }

  @Test
  void deviceRatesAreTheContainersCgroup() throws IOException {
    String dev = blockDevice();
    String numbers = Files.readString(Path.of("/sys/block", dev, "dev")).strip();
    String out = run("--device-read-bps /dev/" + dev + ":1mb --device-write-iops /dev/" + dev + ":100",
        V2 ? "cat /sys/fs/cgroup/io.max" : "cat /sys/fs/cgroup/blkio/blkio.throttle.read_bps_device "
            + "/sys/fs/cgroup/blkio/blkio.throttle.write_iops_device");
    assertEquals(V2 ? numbers + " rbps=1048576 wbps=max riops=max wiops=100\n"
        : numbers + " 1048576\n" + numbers + " 100\n", out);
  }

  private static String blockDevice() throws IOException {
    try (Stream<Path> all = Files.list(Path.of("/sys/block"))) {
      return all.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("loop") && !n.startsWith("ram") && !n.startsWith("zram"))
          .filter(n -> Files.exists(Path.of("/dev", n))).sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void cgroupParentHoldsTheContainersCgroup() {
    Transcript.Result r = t.run("docker run --rm --cgroup-parent /" + PARENT + " busybox cat /proc/self/cgroup");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.contains(":/" + PARENT + "/")) || V2, r.out());
    Transcript.Result d = t.run("docker run -d --name parented --cgroup-parent " + PARENT + " busybox sleep 60");
    String id = d.out().strip();
    assertTrue(Files.isDirectory(Path.of("/sys/fs/cgroup", V2 ? "" : "pids", PARENT, id)), d.err());
    assertEquals("/" + PARENT + "\n", t.run("docker inspect -f '/{{.HostConfig.CgroupParent}}' parented").out()
        .replace("//", "/"));
    t.run("docker rm -f parented");
  }

  @Test
  void inspectShowsWhatTheContainerHas() {
    t.run("docker create --name shown --cpus 0.5 -c 256 -m 64m --memory-reservation 32m --oom-score-adj 10 "
        + "--cpuset-cpus 0 busybox true");
    assertEquals("500000000 256 67108864 134217728 33554432 0 10 <nil> false\n", t.run("docker inspect -f "
        + "'{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} "
        + "{{.HostConfig.MemoryReservation}} {{.HostConfig.CpuQuota}} {{.HostConfig.OomScoreAdj}} "
        + "{{.HostConfig.MemorySwappiness}} {{.HostConfig.OomKillDisable}}' shown").out());
    t.run("docker rm shown");
  }

  @Test
  void refusalsAndWarningsAreDockers() {
    int cpus = Runtime.getRuntime().availableProcessors();
    Transcript.Result many = t.run("docker run --rm --cpus " + (cpus + 1) + " busybox true");
    assertEquals("docker: Error response from daemon: Range of CPUs is from 0.01 to " + cpus + ".00, as there are "
        + "only " + cpus + " CPUs available.\nSee 'docker run --help'.\n", many.err());
    assertEquals(125, many.status());
    Transcript.Result windows = t.run("docker run --rm --io-maxiops 10 busybox true");
    assertEquals("\"--io-maxiops\" is only supported on a Docker daemon running on windows, but the Docker daemon "
        + "is running on linux\n", windows.err());
    assertEquals(1, windows.status());
    Transcript.Result swap = t.run("docker run --rm -m 64m --memory-swap 32m busybox true");
    assertEquals("docker: Error response from daemon: Minimum memoryswap limit should be larger than memory limit, "
        + "see usage.\nSee 'docker run --help'.\n", swap.err());
    Transcript.Result bad = t.run("docker run --rm --cpus many busybox true");
    assertEquals("invalid argument \"many\" for \"--cpus\" flag: failed to parse many as a rational number\n"
        + "See 'docker run --help'.\n", bad.err());
    Transcript.Result kernel = t.run("docker run --rm --kernel-memory 64m busybox echo ran");
    assertEquals("ran\n", kernel.out());
    assertEquals("WARNING: Your kernel does not support kernel memory limit capabilities or the cgroup is not "
        + "mounted. Limitation discarded.\n", kernel.err());
    assertEquals("", t.run("docker ps -aq").out(), "nothing refused was left behind");
  }

  @Test
  void updateChangesARunningContainerAtOnceAndAStoppedOneForItsNextStart() {
    t.run("docker run -d --name upd busybox sleep 300");
    Transcript.Result u = t.run("docker update --cpus 0.5 -m 128m --memory-swap 256m --pids-limit 50 upd");
    assertEquals("upd\n", u.out(), u.err());
    assertEquals(V2 ? "50000 100000\n" : "50000\n", t.run("docker exec upd " + cat("cpu/cpu.cfs_quota_us", "cpu.max"))
        .out());
    assertEquals("50\n", t.run("docker exec upd " + cat("pids/pids.max", "pids.max")).out());
    assertEquals("134217728\n", t.run("docker exec upd " + cat("memory/memory.limit_in_bytes", "memory.max")).out());
    assertEquals("500000000 134217728 268435456 50\n", t.run("docker inspect -f '{{.HostConfig.NanoCpus}} "
        + "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.PidsLimit}}' upd").out());
    t.run("docker stop -t 0 upd");
    assertEquals("upd\n", t.run("docker update -c 256 --restart on-failure:2 upd").out());
    t.run("docker start upd");
    assertEquals(V2 ? "10\n" : "256\n", t.run("docker exec upd " + cat("cpu/cpu.shares", "cpu.weight")).out());
    assertEquals("on-failure 2\n", t.run("docker inspect -f '{{.HostConfig.RestartPolicy.Name}} "
        + "{{.HostConfig.RestartPolicy.MaximumRetryCount}}' upd").out());
    Transcript.Result none = t.run("docker update upd");
    assertEquals("you must provide one or more flags when using this command\nSee 'docker update --help'.\n",
        none.err());
    t.run("docker rm -f upd");
    String id = t.run("docker run -d --rm --name auto busybox sleep 300").out().strip();
    Transcript.Result refused = t.run("docker update --restart always auto");
    assertEquals("Error response from daemon: Cannot update container " + id + ": Restart policy cannot be updated "
        + "because AutoRemove is enabled for the container\n", refused.err());
    assertEquals(1, refused.status());
    t.run("docker rm -f auto");
  }

  @Test
  void statsReadsTheCgroupAndComputesCpuFromTwoReadings() {
    t.run("docker run -d --name busy --cpus 0.5 -m 64m busybox sh -c 'while :; do :; done'");
    try {
      Transcript.Result s = t.run("docker stats --no-stream busy");
      List<String> lines = s.out().lines().toList();
      assertEquals(2, lines.size(), s.out() + s.err());
      assertTrue(lines.get(0).matches("CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS"),
          lines.get(0));
      String[] cols = lines.get(1).split(" {2,}");
      assertEquals("busy", cols[1]);
      double cpu = Double.parseDouble(cols[2].replace("%", ""));
      assertTrue(cpu > 5 && cpu < 60, "a busy loop held to half a CPU: " + lines.get(1));
      assertTrue(cols[3].endsWith(" / 64MiB"), lines.get(1));
      assertEquals("1", cols[7]);
      Transcript.Result f = t.run("docker stats --no-stream --format '{{.Name}}: {{.PIDs}}'");
      assertEquals("busy: 1\n", f.out());
    } finally {
      t.run("docker rm -f busy");
    }
    assertFalse(t.run("docker stats --no-stream -a").out().contains("busy"));
  }
}
