package dev.docklab.bench;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Image;
import dev.docklab.shell.interp.Shell;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/bench scale}: what many images, many containers and a deep image cost, each against its
 * goal: {@code docker images} with 1,000 images, {@code docker ps -a} with 500 containers, and
 * {@code docker run --rm IMG true} of a 100-layer image against the same run of a 2-layer one; last, once,
 * {@code docker image prune -a -f} of them all.
 */
final class ScaleBench {
  private ScaleBench() {}

  static void scale(Path root, int imageCount, int containerCount, int layerCount, int runs, int warmup)
      throws Exception {
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      long t0 = System.nanoTime();
      makeImages(engine, Files.createDirectories(root.resolve("empty-context")), imageCount);
      System.err.printf("  made %d images in %.1f s%n", engine.images().list().size(), (System.nanoTime() - t0) / 1e9);
      Timed images = medianOf(shell, "docker images", runs, warmup);
      System.out.printf("images=%d docker_images_median_ms=%.2f cpu_median_ms=%.2f (goal <= 50 ms)%n",
          engine.images().list().size(), images.wall(), images.cpu());

      double ps = ContainerBench.psMedian(engine, shell, containerCount, runs);
      System.out.printf("containers=%d ps_a_median_ms=%.2f (goal <= 20 ms)%n", engine.containers().list(true).size(),
          ps);
      shell.execute("docker rm $(docker ps -aq)");

      Path ctx = Files.createDirectories(root.resolve("scale-context"));
      for (int i = 0; i < layerCount; i++) {
        Files.writeString(ctx.resolve("f" + i), "layer " + i + "\n");
      }
      int base = engine.images().find("busybox").diffIds().size();
      build(engine, ctx, "shallow", 2 - base);
      build(engine, ctx, "deep", layerCount - base);
      int shallowLayers = engine.images().find("shallow").diffIds().size();
      int deepLayers = engine.images().find("deep").diffIds().size();
      List<Timed> byTurns = mediansByTurns(shell, List.of("docker run --rm shallow true", "docker run --rm deep true"),
          runs, warmup);
      Timed shallow = byTurns.get(0);
      Timed deep = byTurns.get(1);
      System.out.printf("layers=%d run_median_ms=%.1f cpu_median_ms=%.1f; layers=%d run_median_ms=%.1f"
          + " cpu_median_ms=%.1f; ratio %.2f (goal <= 1.5)%n", deepLayers, deep.wall(), deep.cpu(), shallowLayers,
          shallow.wall(), shallow.cpu(), deep.wall() / shallow.wall());

      int before = engine.images().list().size();
      long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long p0 = System.nanoTime();
      if (shell.execute("docker image prune -a -f") != 0) {
        throw new IllegalStateException("docker image prune -a -f failed");
      }
      System.out.printf("images=%d image_prune_a_ms=%.1f cpu_ms=%.1f (removed %d, once: it removes them)%n", before,
          (System.nanoTime() - p0) / 1e6, (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e6,
          before - engine.images().list().size());
    }
  }

  /**
   * {@code count} distinct images, each a build of {@code FROM busybox} and one {@code LABEL}: three of four
   * tagged, the fourth left untagged (dangling), so that {@code docker images} has parents and dangling
   * images to work out, as it does after real builds. Images made by an earlier run are kept.
   */
  private static void makeImages(Engine engine, Path emptyContext, int count) {
    List<Image> existing = engine.images().list();
    for (int i = existing.size(); i < count; i++) {
      List<String> tags = i % 4 == 3 ? List.of() : List.of("scale/img" + i + ":v1");
      engine.images().build(new BuildRequest(emptyContext, "Dockerfile", "FROM busybox\nLABEL scale=" + i + "\n", tags,
          Map.of(), false), line -> { }, (stream, bytes) -> { });
    }
  }

  /** Builds {@code FROM busybox} and one {@code COPY} (a layer) for each of {@code copies} files, tagged {@code tag}. */
  private static void build(Engine engine, Path ctx, String tag, int copies) {
    StringBuilder df = new StringBuilder("FROM busybox\n");
    for (int i = 0; i < copies; i++) {
      df.append("COPY f").append(i).append(" /f").append(i).append('\n');
    }
    engine.images().build(new BuildRequest(ctx, "Dockerfile", df.toString(), List.of(tag), Map.of(), false),
        line -> { }, (stream, bytes) -> { });
  }

  /**
   * The median milliseconds of {@code line} in {@code shell} after warm-up runs: on the clock, and on this
   * thread's CPU (which other work on a shared machine does not inflate). A failing line stops the bench.
   */
  private static Timed medianOf(Shell shell, String line, int runs, int warmup) {
    return mediansByTurns(shell, List.of(line), runs, warmup).get(0);
  }

  /**
   * Like {@link #medianOf} for several lines run by turns (one of each, then again), so that a shared
   * machine's load falls on each alike and their ratio holds.
   */
  private static List<Timed> mediansByTurns(Shell shell, List<String> lines, int runs, int warmup) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<List<Double>> wall = new ArrayList<>();
    List<List<Double>> cpu = new ArrayList<>();
    lines.forEach(line -> {
      wall.add(new ArrayList<>());
      cpu.add(new ArrayList<>());
    });
    for (int i = 0; i < warmup + runs; i++) {
      for (int l = 0; l < lines.size(); l++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        if (shell.execute(lines.get(l)) != 0) {
          throw new IllegalStateException(lines.get(l) + " failed");
        }
        if (i >= warmup) {
          wall.get(l).add((System.nanoTime() - t0) / 1e6);
          cpu.get(l).add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
      }
    }
    List<Timed> medians = new ArrayList<>();
    for (int l = 0; l < lines.size(); l++) {
      medians.add(new Timed(BenchSupport.median(wall.get(l)), BenchSupport.median(cpu.get(l))));
    }
    return medians;
  }

  /** Medians in milliseconds: on the clock, and on the measuring thread's CPU. */
  private record Timed(double wall, double cpu) {}
}
