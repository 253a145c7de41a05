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
}
