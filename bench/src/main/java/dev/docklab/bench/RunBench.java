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
   * what the raw-floor script needs (the layer dirs and an equivalent OCI config). Prints
   * {@code engine_median_ms=...}.
   */
  static void run(Path root, int runs, int warmup) throws Exception {
    Map<String, List<Double>> steps = new TreeMap<>();
    EngineListener byStep = e -> steps.computeIfAbsent(e.step().key(), k -> new ArrayList<>()).add(e.took().toNanos() / 1e6);
    try (Engine engine = Engine.open(EngineOptions.at(root), byStep)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
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
      double median = BenchSupport.median(times);
      // what the raw floor needs: the same layers, and the bundle of an equivalent container
      Image image = engine.images().find("busybox");
      Layout layout = new Layout(root);
      List<String> lowers = new ArrayList<>();
      for (Digest d : image.diffIds()) {
        lowers.add(0, layout.layerDiff(d).toString());
      }
      Files.writeString(root.resolve("bench-lowerdirs"), String.join(":", lowers) + "\n");
      var kept = engine.containers().run(RunRequest.of("busybox", "echo", "hello"), (s, b) -> { });
      Container c = kept.container();
      Files.copy(layout.container(c.id()).resolve("bundle/config.json"), root.resolve("bench-config.json"));
      engine.containers().remove(c.id(), true, false);
      System.out.printf("engine_median_ms=%.1f%n", median);
      System.out.println("engine_runs_ms=" + times.stream().map(t -> String.format("%.1f", t))
          .collect(Collectors.joining(",")));
    }
  }
}
