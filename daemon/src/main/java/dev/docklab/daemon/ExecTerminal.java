package dev.docklab.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An exec with a terminal, as the daemon runs it: the runtime's {@code exec --tty} relays a terminal
 * only from a terminal of its own, so it runs under util-linux's {@code script} (a pseudo-terminal for
 * it); a resize sets that terminal's size with {@code stty}, and the runtime passes it on.
 */
final class ExecTerminal {
  private ExecTerminal() {}

  /** The exec's command line under {@code script}, which returns its exit status. */
  static List<String> wrap(List<String> command) {
    StringBuilder line = new StringBuilder("exec");
    for (String arg : command) {
      line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    return List.of("script", "--quiet", "--return", "--command", line.toString(), "/dev/null");
  }

  /** Waits up to {@code patience} for {@code script} (process {@code pid}) to start the runtime on its terminal. */
  static Path awaitTerminal(long pid, Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    Path tty = terminalOf(pid);
    while (tty == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      tty = terminalOf(pid);
    }
    return tty;
  }

  /** Sets the terminal size of the runtime that {@code script} (process {@code pid}) runs; false when it has none yet. */
  static boolean resize(long pid, int rows, int cols, Duration patience) throws IOException {
    Path tty = awaitTerminal(pid, patience);
    if (tty == null) {
      return false;
    }
    try {
      new ProcessBuilder(new ArrayList<>(List.of("stty", "-F", tty.toString(), "rows", String.valueOf(rows), "cols",
          String.valueOf(cols)))).redirectErrorStream(true).start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  private static Path terminalOf(long pid) throws IOException {
    Path children = Path.of("/proc", String.valueOf(pid), "task", String.valueOf(pid), "children");
    if (!Files.exists(children)) {
      return null;
    }
    for (String child : Files.readString(children).trim().split("\\s+")) {
      if (child.isEmpty()) {
        continue;
      }
      Path fd = Path.of("/proc", child, "fd", "0");
      try {
        Path target = Files.readSymbolicLink(fd);
        if (target.toString().startsWith("/dev/pts/")) {
          return target;
        }
      } catch (IOException gone) {
        // the child ended meanwhile
      }
    }
    return null;
  }
}
