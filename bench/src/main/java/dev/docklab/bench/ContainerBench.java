package dev.docklab.bench;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.interp.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code scripts/bench memory}, {@code ps} and {@code commit}: what many or big containers cost. */
final class ContainerBench {
  private ContainerBench() {}

  /** RSS in kB of a process, from /proc/PID/status. */
  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /**
   * Memory per idle running container: every process docklab added for it on the host, i.e. its
   * monitor (conmon) once the runtime has exited, beside the container's own process.
   */
  static void memory(Path root, int count) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      for (int i = 0; i < count; i++) {
        if (shell.execute("docker run -d --name idle" + i + " busybox sleep 3600") != 0) {
          throw new IllegalStateException("docker run -d failed");
        }
      }
      Thread.sleep(1000);
      long monitorKb = 0;
      long containerKb = 0;
      List<Long> monitors = new ArrayList<>();
      for (Container c : engine.containers().list(false)) {
        monitors.add(c.state().monitorPid());
        monitorKb += rssKb(c.state().monitorPid());
        containerKb += rssKb(c.state().pid());
      }
      // any other process whose parent is a monitor (a runtime left behind would count here)
      long extraKb = 0;
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String stat = Files.readString(p.resolve("stat"));
            long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
            long pid = Long.parseLong(p.getFileName().toString());
            boolean isContainerInit = engine.containers().list(false).stream().anyMatch(c -> c.state().pid() == pid);
            if (monitors.contains(ppid) && !isContainerInit) {
              extraKb += rssKb(pid);
            }
          } catch (IOException | RuntimeException e) {
            // gone
          }
        }
      }
      int n = monitors.size();
      System.out.printf("containers_running=%d%n", n);
      System.out.printf("docklab_added_kb_per_container=%.0f%n", (monitorKb + extraKb) / (double) n);
      System.out.printf("conmon_kb_per_container=%.0f%n", monitorKb / (double) n);
      System.out.printf("container_process_kb_per_container=%.0f%n", containerKb / (double) n);
      shell.execute("docker rm -f $(docker ps -aq)");
    }
  }

  /** {@code docker ps -a} latency in a warm shell with {@code count} containers (created, not started). */
  static void ps(Path root, int count, int runs) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      double median = psMedian(engine, shell, count, runs);
      System.out.printf("containers=%d%n", engine.containers().list(true).size());
      System.out.printf("ps_a_median_ms=%.2f%n", median);
      shell.execute("docker rm $(docker ps -aq)");
    }
  }

  /**
   * The median milliseconds of {@code docker ps -a} in {@code shell} (after 5 warm-up runs), once
   * {@code count} containers exist: those missing are created, not started.
   */
  static double psMedian(Engine engine, Shell shell, int count, int runs) {
    for (int i = engine.containers().list(true).size(); i < count; i++) {
      shell.execute("docker create --name c" + i + " busybox true");
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs + 5; i++) {
      long t0 = System.nanoTime();
      shell.execute("docker ps -a");
      if (i >= 5) {
        times.add((System.nanoTime() - t0) / 1e6);
      }
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  /** {@code docker commit} of a container that wrote {@code mb} MB of incompressible data. */
  static void commit(Path root, int mb) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        shell.execute("docker run --name big" + i + " busybox sh -c 'head -c " + (mb * 1048576L)
            + " /dev/urandom > /big'");
        long t0 = System.nanoTime();
        if (shell.execute("docker commit big" + i + " big:" + i) != 0) {
          throw new IllegalStateException("commit failed");
        }
        times.add((System.nanoTime() - t0) / 1e6);
        shell.execute("docker rm big" + i + "; docker rmi big:" + i);
      }
      Collections.sort(times);
      System.out.printf("commit_%dmb_median_ms=%.0f (runs: %s)%n", mb, times.get(times.size() / 2), times);
    }
  }
}
