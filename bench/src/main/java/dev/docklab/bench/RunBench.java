package dev.docklab.bench;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.store.Layout;
import dev.docklab.shell.interp.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The engine half of {@code scripts/bench run}, whose shell half measures the raw floor. */
final class RunBench {
  private RunBench() {}

  /**
   * Times {@code docker run --rm busybox echo hello} typed into a warm shell, and leaves beside it
   * what the raw-floor script needs (the layer dirs and an equivalent OCI config). With a floor command,
   * runs it once after each run of the engine (so that both see the same load on a shared machine), with
   * the run's number as its argument; it prints the microseconds its own run took. Prints
   * {@code engine_median_ms=...} and, with a floor command, {@code floor_median_ms=...}.
   */
  static void run(Path root, int runs, int warmup, List<String> floor) throws Exception {
    Map<String, List<Double>> steps = new TreeMap<>();
    // by step and what it said (a network connected or released); background teardowns report from their threads
    EngineListener byStep = e -> {
      synchronized (steps) {
        steps.computeIfAbsent(e.step().key() + (e.said() == null ? "" : " " + e.said().name().toLowerCase()),
            k -> new ArrayList<>()).add(e.took().toNanos() / 1e6);
      }
    };
    try (Engine engine = Engine.open(EngineOptions.at(root), byStep)) {
      engine.system().ensureBaseImages();
      floorInputs(engine, root);
      synchronized (steps) {
        steps.clear();
      }
      Shell shell = BenchSupport.quietShell(engine);
      List<Double> times = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        int status = shell.execute("docker run --rm busybox echo hello");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 0) {
          throw new IllegalStateException("docker run failed with status " + status);
        }
        double floorMs = floor.isEmpty() ? 0 : floorOnce(floor, i);
        if (i >= warmup) {
          times.add(ms);
          floors.add(floorMs);
        }
      }
      synchronized (steps) {
        for (var e : steps.entrySet()) {
          List<Double> v = new ArrayList<>(e.getValue());
          Collections.sort(v);
          System.err.printf("  step %-32s median %.2f ms%n", e.getKey(), v.get(v.size() / 2));
        }
      }
      System.out.printf("engine_median_ms=%.1f%n", BenchSupport.median(times));
      System.out.println("engine_runs_ms=" + joined(times));
      if (!floor.isEmpty()) {
        System.out.printf("floor_median_ms=%.1f%n", BenchSupport.median(floors));
        System.out.println("floor_runs_ms=" + joined(floors));
      }
    }
  }

  /** What the raw floor needs: the same layers, and the bundle of an equivalent container. */
  private static void floorInputs(Engine engine, Path root) throws Exception {
    Image image = engine.images().find("busybox");
    Layout layout = new Layout(root);
    List<String> lowers = new ArrayList<>();
    for (Digest d : image.diffIds()) {
      lowers.add(0, layout.layerDiff(d).toString());
    }
    Files.writeString(root.resolve("bench-lowerdirs"), String.join(":", lowers) + "\n");
    var kept = engine.containers().run(RunRequest.of("busybox", "echo", "hello"), (s, b) -> { });
    Container c = kept.container();
    Files.copy(layout.container(c.id()).resolve("bundle/config.json"), root.resolve("bench-config.json"),
        StandardCopyOption.REPLACE_EXISTING);
    engine.containers().remove(c.id(), true, false);
  }

  /** One run of the floor command: the milliseconds it reports. */
  private static double floorOnce(List<String> floor, int run) throws Exception {
    List<String> cmd = new ArrayList<>(floor);
    cmd.add(String.valueOf(run));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0 || out.isEmpty()) {
      throw new IllegalStateException("the floor's run " + run + " failed: " + String.join(" ", cmd));
    }
    return Long.parseLong(out) / 1000.0;
  }

  private static String joined(List<Double> times) {
    return times.stream().map(t -> String.format("%.1f", t)).collect(Collectors.joining(","));
  }
}
