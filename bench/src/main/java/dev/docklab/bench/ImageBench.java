package dev.docklab.bench;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.interp.Shell;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** {@code scripts/bench build} and {@code explain}: building images and explaining their layers. */
final class ImageBench {
  private ImageBench() {}

  /** A 7-instruction build, without the cache and then with a warm one. */
  static void build(Path root) throws Exception {
    Path ctx = Files.createDirectories(root.resolve("context"));
    byte[] mb = new byte[1 << 20];
    new Random(7).nextBytes(mb);
    Files.write(ctx.resolve("data.bin"), mb);
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n", "FROM busybox", "LABEL lesson=bench",
        "RUN echo built > /built", "COPY data.bin /data/", "ENV MODE=bench", "WORKDIR /data", "CMD [\"ls\"]", ""));
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
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
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      if (shell.execute("docker build -t layered " + ctx) != 0) {
        throw new IllegalStateException("build failed");
      }
      var report = engine.explain().layers("layered");
      int files = report.layers().stream().mapToInt(l -> l.added() + l.changed()).sum();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      List<Double> times = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        shell.execute("explain layers layered");
        if (i >= 5) {
          times.add((System.nanoTime() - t0) / 1e6);
          cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
      }
      Collections.sort(times);
      Collections.sort(cpu);
      // the CPU time of the thread that runs the line: what the machine's other work does not inflate
      System.out.printf("layers=%d files=%d explain_layers_median_ms=%.0f cpu_median_ms=%.0f load=%s%n",
          report.layers().size(), files, times.get(times.size() / 2), cpu.get(cpu.size() / 2),
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }
}
