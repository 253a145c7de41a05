package dev.docklab.shell;

import dev.docklab.engine.Engine;
import dev.docklab.engine.EngineOptions;
import dev.docklab.engine.container.Container;
import dev.docklab.engine.container.RunRequest;
import dev.docklab.engine.digest.Digest;
import dev.docklab.engine.event.EngineListener;
import dev.docklab.engine.image.Image;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.command.Shell;
import dev.docklab.shell.i18n.Messages;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine half of {@code scripts/bench run}: times {@code docker run --rm busybox echo hello}
 * typed into a warm shell, and leaves beside it what the raw-floor script needs (the layer dirs and
 * an equivalent OCI config). Prints {@code engine_median_ms=...}.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv[0].equals("memory")) {
      memory(Path.of(argv[1]), Integer.parseInt(argv[2]));
      return;
    }
    if (argv[0].equals("explain")) {
      explain(Path.of(argv[1]));
      return;
    }
    if (argv[0].equals("build")) {
      build(Path.of(argv[1]));
      return;
    }
    if (argv[0].equals("commit")) {
      commit(Path.of(argv[1]), Integer.parseInt(argv[2]));
      return;
    }
    if (argv[0].equals("ps")) {
      ps(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]));
      return;
    }
    Path root = Path.of(argv[0]);
    int runs = Integer.parseInt(argv[1]);
    int warmup = Integer.parseInt(argv[2]);
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    java.util.Map<String, List<Double>> steps = new java.util.TreeMap<>();
    EngineListener byStep = e -> steps.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e.took().toNanos() / 1e6);
    try (Engine engine = Engine.open(EngineOptions.at(root), byStep)) {
      engine.ensureBaseImages();
      Session session = new Session(() -> engine, sink, System.err, java.io.InputStream.nullInputStream(),
          new Messages(Messages.Lang.EN), Session.Foreground.NONE);
      Shell shell = new Shell(session);
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        int status = shell.execute("docker run --rm busybox echo hello");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 0) {
          throw new IllegalStateException("docker run failed with status " + status);
        }
        if (i >= warmup) {
          times.add(ms);
        }
      }
      Collections.sort(times);
      for (var e : steps.entrySet()) {
        List<Double> v = new ArrayList<>(e.getValue());
        Collections.sort(v);
        System.err.printf("  step %-8s median %.2f ms%n", e.getKey(), v.get(v.size() / 2));
      }
      double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
          : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
      // what the raw floor needs: the same layers, and the bundle of an equivalent container
      Image image = engine.findImage("busybox");
      List<String> lowers = new ArrayList<>();
      for (Digest d : image.diffIds()) {
        lowers.add(0, engine.layout().layerDiff(d).toString());
      }
      Files.writeString(root.resolve("bench-lowerdirs"), String.join(":", lowers) + "\n");
      var kept = engine.run(RunRequest.of("busybox", "echo", "hello"), (s, b) -> { });
      Container c = kept.container();
      Files.copy(engine.layout().container(c.id()).resolve("bundle/config.json"), root.resolve("bench-config.json"));
      engine.remove(c.id(), true);
      System.out.printf("engine_median_ms=%.1f%n", median);
      System.out.println("engine_runs_ms=" + times.stream().map(t -> String.format("%.1f", t))
          .collect(Collectors.joining(",")));
    }
  }

  private static Shell quietShell(Engine engine) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    return new Shell(new Session(() -> engine, sink, System.err, java.io.InputStream.nullInputStream(),
        new Messages(Messages.Lang.EN), Session.Foreground.NONE));
  }

  /** RSS in kB of a process, from /proc/PID/status. */
  static long rssKb(long pid) throws java.io.IOException {
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
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      for (int i = 0; i < count; i++) {
        if (shell.execute("docker run -d --name idle" + i + " busybox sleep 3600") != 0) {
          throw new IllegalStateException("docker run -d failed");
        }
      }
      Thread.sleep(1000);
      long monitorKb = 0;
      long containerKb = 0;
      List<Long> monitors = new ArrayList<>();
      for (Container c : engine.containers(false)) {
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
            boolean isContainerInit = engine.containers(false).stream().anyMatch(c -> c.state().pid() == pid);
            if (monitors.contains(ppid) && !isContainerInit) {
              extraKb += rssKb(pid);
            }
          } catch (java.io.IOException | RuntimeException e) {
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
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      for (int i = engine.containers(true).size(); i < count; i++) {
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
      System.out.printf("containers=%d%n", engine.containers(true).size());
      System.out.printf("ps_a_median_ms=%.2f%n", times.get(times.size() / 2));
      shell.execute("docker rm $(docker ps -aq)");
    }
  }

  /** {@code docker commit} of a container that wrote {@code mb} MB of incompressible data. */
  static void commit(Path root, int mb) throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
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

  /** A 7-instruction build, without the cache and then with a warm one. */
  static void build(Path root) throws Exception {
    Path ctx = Files.createDirectories(root.resolve("context"));
    byte[] mb = new byte[1 << 20];
    new java.util.Random(7).nextBytes(mb);
    Files.write(ctx.resolve("data.bin"), mb);
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n", "FROM busybox", "LABEL lesson=bench",
        "RUN echo built > /built", "COPY data.bin /data/", "ENV MODE=bench", "WORKDIR /data", "CMD [\"ls\"]", ""));
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      shell.execute("docker build -t warmup " + ctx); // warms the JVM
      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        long t0 = System.nanoTime();
        shell.execute("docker build --no-cache -t bench:" + i + " " + ctx);
        cold.add((System.nanoTime() - t0) / 1e6);
        long t1 = System.nanoTime();
        shell.execute("docker build -t bench:" + i + " " + ctx);
        warm.add((System.nanoTime() - t1) / 1e6);
      }
      Collections.sort(cold);
      Collections.sort(warm);
      System.out.printf("build_no_cache_median_ms=%.0f%n", cold.get(cold.size() / 2));
      System.out.printf("build_warm_cache_median_ms=%.0f%n", warm.get(warm.size() / 2));
    }
  }

  /** {@code explain layers} on an image of 30 layers and 20,000 files, in a warm shell. */
  static void explain(Path root) throws Exception {
    Path ctx = Files.createDirectories(root.resolve("context"));
    StringBuilder df = new StringBuilder("FROM busybox\n");
    for (int i = 0; i < 28; i++) {
      df.append("RUN mkdir -p /d").append(i).append(" && cd /d").append(i)
          .append(" && i=0; while [ $i -lt 715 ]; do echo $i > f$i; i=$((i+1)); done\n");
    }
    Files.writeString(ctx.resolve("Dockerfile"), df.toString());
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.ensureBaseImages();
      Shell shell = quietShell(engine);
      if (shell.execute("docker build -t layered " + ctx) != 0) {
        throw new IllegalStateException("build failed");
      }
      var report = engine.layerReport("layered");
      int files = report.layers().stream().mapToInt(l -> l.added() + l.changed()).sum();
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        long t0 = System.nanoTime();
        shell.execute("explain layers layered");
        if (i >= 5) {
          times.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(times);
      System.out.printf("layers=%d files=%d explain_layers_median_ms=%.0f%n", report.layers().size(), files,
          times.get(times.size() / 2));
    }
  }
}
