package dev.docklab.bench;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.interp.Shell;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code scripts/bench lessons}: what the check after each line adds to the prompt while a lesson runs,
 * with 50 containers on the engine: the after-line hook (the step's goal on the engine, the lesson's
 * things seen for undo, the progress saved to a real file) for a line that does not pass the step,
 * against the same hook with no lesson running.
 */
final class LessonBench {
  /** The budget the issue sets for the checks after a line. */
  private static final double BUDGET_MS = 20;
  /** The bundled lesson measured: its first step checks a container, its image, its ports and HTTP. */
  private static final String LESSON = "ports";
  /** A line a learner types that does not pass the step. */
  private static final String LINE = "docker ps -a";

  private LessonBench() {}

  static void lessons(Path root, int count, int runs, int warmup) throws Exception {
    Path config = Files.createDirectories(root.resolve("config"));
    System.setProperty("docklab.config", config.toString()); // progress.json goes there, not to ~/.docklab
    try (Engine engine = Engine.open(EngineOptions.at(root.resolve("data")), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Session session = new Session(() -> engine, new PrintStream(OutputStream.nullOutputStream()), System.err,
          InputStream.nullInputStream(), new Messages(Messages.Lang.EN), Session.Foreground.NONE);
      Shell shell = new Shell(session);
      try {
        makeContainers(shell, count);
        sample(shell, session, 100, 0); // the JIT warmed up on the line before the first figure counts
        Sample off = sample(shell, session, runs, warmup);
        run(shell, "lesson " + LESSON);
        Sample on = sample(shell, session, runs, warmup);
        // a container of the lesson on the step's port with no server behind it (the web image, another command)
        run(shell, "docker run -d --name quiet -p " + BenchSupport.freePort() + ":80 web sleep 3600");
        Sample quiet = sample(shell, session, runs, warmup);
        System.out.printf("%d containers, lesson %s (step 1: container, image, ports and http checks), line \"%s\","
            + " %d runs after %d warm-up, progress in %s%n", engine.containers().list(true).size(), LESSON, LINE, runs,
            warmup, config.resolve("progress.json"));
        row("the line, no lesson (hook included)", off.line);
        row("the line, lesson running (hook included)", on.line);
        row("after-line hook, no lesson", off.hook);
        row("after-line hook, lesson running", on.hook);
        row("after-line hook, lesson, a container of it on port 80 with no server", quiet.hook);
        double added = on.hook.median() - off.hook.median();
        double added95 = on.hook.p95() - off.hook.p95();
        System.out.printf("added to the prompt by the lesson's checks: median %.2f ms, p95 %.2f ms (budget %.0f ms: %s)%n",
            added, added95, BUDGET_MS, added95 <= BUDGET_MS ? "within" : "OVER");
      } finally {
        shell.execute("lesson off");
        shell.execute("docker rm -f $(docker ps -aq)");
      }
    }
  }

  private static void row(String what, Times t) {
    System.out.printf("%-72s median %8.2f ms  p95 %8.2f ms%n", what, t.median(), t.p95());
  }

  /**
   * {@code count} containers, made quickly: a fifth running busybox, a fifth running web with a
   * published port, the rest exited.
   */
  private static void makeContainers(Shell shell, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String line = switch (i % 5) {
        case 0 -> "docker run -d --name idle" + i + " busybox sleep 3600";
        case 1 -> "docker run -d --name web" + i + " -p " + BenchSupport.freePort() + ":80 web";
        default -> "docker run -d --name done" + i + " busybox true";
      };
      run(shell, line);
    }
  }

  /** The line's time through the shell (the hook included) and the hook's own, {@code runs} after warm-up. */
  private static Sample sample(Shell shell, Session session, int runs, int warmup) {
    Builtins builtins = shell.builtins();
    List<Double> line = new ArrayList<>();
    List<Double> hook = new ArrayList<>();
    for (int i = 0; i < warmup + runs; i++) {
      long t0 = System.nanoTime();
      shell.execute(LINE);
      long t1 = System.nanoTime();
      builtins.afterLine(LINE, session);
      long t2 = System.nanoTime();
      if (i >= warmup) {
        line.add((t1 - t0) / 1e6);
        hook.add((t2 - t1) / 1e6);
      }
    }
    return new Sample(new Times(line), new Times(hook));
  }

  private static void run(Shell shell, String line) {
    if (shell.execute(line) != 0) {
      throw new IllegalStateException(line + " failed");
    }
  }

  private record Sample(Times line, Times hook) {}

  /** Times in ms, with their median and 95th percentile. */
  private record Times(List<Double> ms) {
    double median() {
      return BenchSupport.median(ms);
    }

    double p95() {
      List<Double> s = new ArrayList<>(ms);
      Collections.sort(s);
      return s.get((int) Math.ceil(0.95 * s.size()) - 1);
    }
  }
}
