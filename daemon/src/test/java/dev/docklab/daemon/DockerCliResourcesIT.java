package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real docker CLI's resource flags, {@code docker update} and {@code docker stats} against docklab's daemon:
 * the container's cgroup as the flags ask, read from inside it.
 */
class DockerCliResourcesIT {
  private static final boolean V2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
  static DaemonFixture f;
  static DockerCli docker;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    f = DaemonFixture.start();
    docker = f.docker;
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  private static String quota() {
    return V2 ? "/sys/fs/cgroup/cpu.max" : "/sys/fs/cgroup/cpu/cpu.cfs_quota_us";
  }

  @Test
  void runUpdateAndStatsThroughTheCli() throws Exception {
    DockerCli.Result run = docker.run("run", "-d", "--name", "limited", "--cpus", "0.5", "--memory", "64m",
        "--memory-reservation", "32m", "--oom-score-adj", "300", "--cpu-shares", "512", "busybox", "sleep", "300");
    assertEquals(0, run.status(), run.err());
    try {
      assertEquals(V2 ? "50000 100000\n" : "50000\n", docker.run("exec", "limited", "cat", quota()).out());
      assertEquals("300\n", docker.run("exec", "limited", "cat", "/proc/1/oom_score_adj").out());
      assertEquals("33554432\n", docker.run("exec", "limited", "cat", V2 ? "/sys/fs/cgroup/memory.low"
          : "/sys/fs/cgroup/memory/memory.soft_limit_in_bytes").out());
      assertEquals("500000000 512 67108864 134217728 33554432 300\n", docker.run("inspect", "-f",
          "{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} "
              + "{{.HostConfig.MemoryReservation}} {{.HostConfig.OomScoreAdj}}", "limited").out());

      DockerCli.Result update = docker.run("update", "--cpus", "1", "--pids-limit", "20", "limited");
      assertEquals("limited\n", update.out(), update.err());
      assertEquals(V2 ? "100000 100000\n" : "100000\n", docker.run("exec", "limited", "cat", quota()).out());
      assertEquals("20\n", docker.run("exec", "limited", "cat", V2 ? "/sys/fs/cgroup/pids.max"
          : "/sys/fs/cgroup/pids/pids.max").out());
      assertEquals("1000000000 20\n", docker.run("inspect", "-f", "{{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}",
          "limited").out());

      DockerCli.Result stats = docker.run("stats", "--no-stream", "limited");
      assertEquals(0, stats.status(), stats.err());
      List<String> lines = stats.out().lines().toList();
      assertEquals(2, lines.size(), stats.out());
      assertTrue(lines.get(0).matches("CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS"),
          lines.get(0));
      String[] cols = lines.get(1).split(" {2,}");
      assertEquals("limited", cols[1]);
      assertTrue(cols[3].endsWith(" / 64MiB"), lines.get(1));
      assertEquals("1", cols[7], lines.get(1));
      DockerCli.Result format = docker.run("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}");
      assertEquals("limited 1\n", format.out(), format.err());
    } finally {
      docker.run("rm", "-f", "limited");
    }
  }

  @Test
  void refusalsComeInDockersWords() throws Exception {
    DockerCli.Result tiny = docker.run("run", "--rm", "--memory", "1k", "busybox", "true");
    assertTrue(tiny.err().startsWith("docker: Error response from daemon: Minimum memory limit allowed is 6MB"),
        tiny.err());
    DockerCli.Result windows = docker.run("run", "--rm", "--io-maxiops", "10", "busybox", "true");
    assertEquals("\"--io-maxiops\" is only supported on a Docker daemon running on windows, but the Docker daemon "
        + "is running on linux\n", windows.err(), "the CLI's answer, from the daemon's OSType");
    DockerCli.Result swap = docker.run("run", "--rm", "-m", "64m", "--memory-swap", "32m", "busybox", "true");
    assertTrue(swap.err().contains("Error response from daemon: Minimum memoryswap limit should be larger than "
        + "memory limit, see usage"), swap.err());
    DockerCli.Result kernel = docker.run("run", "--rm", "--kernel-memory", "64m", "busybox", "echo", "ran");
    assertEquals("ran\n", kernel.out(), kernel.err()); // the CLI of API 1.42 and later no longer sends it
    DockerCli.Result weight = docker.run("run", "--rm", "--blkio-weight", "300", "busybox", "echo", "ran");
    assertEquals("ran\n", weight.out(), weight.err());
    if (!V2 && !Files.exists(Path.of("/sys/fs/cgroup/blkio/blkio.weight"))
        && !Files.exists(Path.of("/sys/fs/cgroup/blkio/blkio.bfq.weight"))) {
      assertTrue(weight.err().contains("WARNING: Your kernel does not support Block I/O weight or the cgroup is not "
          + "mounted. Weight discarded."), weight.err());
    }
  }
}
