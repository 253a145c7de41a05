package dev.docklab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench jshell}: on real terminals (tmux), the time from typing {@code jshell} at the
 * docklab prompt to jshell's first prompt, against the JDK's own {@code jshell} started from a shell,
 * run by turns so that both meet the same load. docklab's first start (a cold JShell in a warm REPL)
 * is shown apart from the later ones.
 */
final class JShellBench {
  private static final long POLL_MS = 10;

  private JShellBench() {}

  static void jshell(Path data, Path jar, int runs) throws Exception {
    Path home = Files.createTempDirectory(data, "home");
    String docklab = "docklab-bench-jshell-" + ProcessHandle.current().pid();
    String jdk = "jdk-bench-jshell-" + ProcessHandle.current().pid();
    tmux("new-session", "-d", "-s", docklab, "-x", "120", "-y", "50", "exec env HOME=" + home
        + " LANG=C.UTF-8 java -jar " + jar + " --data-root " + data.resolve("root") + " --lang en");
    tmux("new-session", "-d", "-s", jdk, "-x", "120", "-y", "50", "exec env HOME=" + home + " PS1='$ ' bash --norc");
    try {
      waitForLast(docklab, "docklab>", 300_000);
      waitForLast(jdk, "$", 30_000);
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      for (int i = 0; i <= runs; i++) {
        ours.add(start(docklab, "jshell", "docklab>"));
        theirs.add(start(jdk, "jshell", "$"));
        System.err.printf(Locale.ROOT, "run %d: docklab %.0f ms, JDK jshell %.0f ms%n", i, ours.get(i), theirs.get(i));
      }
      double first = ours.get(0);
      double ourMedian = BenchSupport.median(ours.subList(1, ours.size()));
      double theirMedian = BenchSupport.median(theirs);
      System.out.printf(Locale.ROOT, "docklab> jshell, first start (cold JShell):     %7.0f ms%n", first);
      System.out.printf(Locale.ROOT, "docklab> jshell, median of the next %2d starts:  %7.0f ms%n", runs, ourMedian);
      System.out.printf(Locale.ROOT, "$ jshell (the JDK's own), median of %2d starts:  %7.0f ms%n", runs + 1, theirMedian);
      System.out.printf(Locale.ROOT, "ratio, docklab / JDK: first %.2f, median %.2f (goal <= 1.5)%n",
          first / theirMedian, ourMedian / theirMedian);
    } finally {
      tmux("kill-session", "-t", docklab);
      tmux("kill-session", "-t", jdk);
    }
  }

  /**
   * Types {@code command} in {@code session} and times it until {@code jshell>} is the last line, then
   * leaves with {@code /exit} and waits for {@code back} (the prompt it came from).
   */
  private static double start(String session, String command, String back) throws Exception {
    long t0 = System.nanoTime();
    tmux("send-keys", "-t", session, "-l", command);
    tmux("send-keys", "-t", session, "Enter");
    waitForLast(session, "jshell>", 120_000);
    double ms = (System.nanoTime() - t0) / 1e6;
    tmux("send-keys", "-t", session, "-l", "/exit");
    tmux("send-keys", "-t", session, "Enter");
    waitForLast(session, back, 60_000);
    return ms;
  }

  private static void waitForLast(String session, String line, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    String last = "";
    while (System.nanoTime() < deadline) {
      List<String> lines = tmux("capture-pane", "-p", "-t", session).lines().map(String::strip)
          .filter(l -> !l.isEmpty()).toList();
      last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (last.equals(line)) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException("waited " + timeoutMs + " ms for [" + line + "] in " + session + ", last: " + last);
  }

  private static String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
