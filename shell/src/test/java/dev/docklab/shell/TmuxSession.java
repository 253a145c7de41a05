package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program on a real terminal, for the tests: tmux runs it in a detached session of a given size,
 * send-keys types, capture-pane reads the screen. Closing ends the session and waits for the program.
 */
final class TmuxSession implements AutoCloseable {
  private final String name;
  private final Optional<ProcessHandle> program;

  private TmuxSession(String name, Optional<ProcessHandle> program) {
    this.name = name;
    this.program = program;
  }

  /** Runs {@code command} on a terminal of {@code columns} x {@code rows} (exec'd by the pane's shell). */
  static TmuxSession start(String name, int columns, int rows, String command) throws Exception {
    tmux("new-session", "-d", "-s", name, "-x", String.valueOf(columns), "-y", String.valueOf(rows), "exec " + command);
    String pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip();
    return new TmuxSession(name, ProcessHandle.of(Long.parseLong(pid)));
  }

  /** Types {@code line} and Enter. */
  void type(String line) throws Exception {
    keys("-l", line);
    keys("Enter");
  }

  /** Sends keys as tmux names them ({@code Enter}, {@code C-c}; {@code -l TEXT} for literal text). */
  void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** The screen and its history, with the lines the terminal wrapped joined again. */
  String screen() throws Exception {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", name);
  }

  /** The screen and its history as the terminal shows them: one string a row. */
  List<String> rows() throws Exception {
    return tmux("capture-pane", "-p", "-S", "-", "-t", name).lines().map(String::stripTrailing).toList();
  }

  /**
   * Clears the screen with Ctrl-L (the program redraws its prompt at the top), then forgets the
   * history, so that what comes next is all there is.
   */
  void clear() throws Exception {
    keys("C-l");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long again = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (tmux("capture-pane", "-p", "-t", name).lines().filter(l -> !l.isBlank()).count() > 1) {
      if (System.nanoTime() > deadline) {
        fail("Ctrl-L did not clear the screen:\n" + screen());
      }
      if (System.nanoTime() > again) {
        // a Ctrl-L pressed while a line was printed above the prompt (the engine served, just after a first
        // command) can be lost: pressed again, as one would
        keys("C-l");
        again = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      }
      Thread.sleep(50);
    }
    tmux("clear-history", "-t", name);
  }

  /** How many lines on the screen start with {@code prefix}. */
  long count(String prefix) throws Exception {
    return screen().lines().filter(l -> l.startsWith(prefix)).count();
  }

  /** Gives the terminal {@code columns} columns: the program gets SIGWINCH. */
  void resize(int columns, int rows) throws Exception {
    tmux("resize-window", "-t", name, "-x", String.valueOf(columns), "-y", String.valueOf(rows));
  }

  /** Waits until {@code text} is on the screen. */
  void waitFor(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String s = "";
    while (System.nanoTime() < deadline) {
      s = screen();
      if (s.contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    fail("waited " + seconds + "s for " + text.strip() + " on the screen:\n" + s);
  }

  /** Waits until the last line on the screen is exactly {@code line} (a prompt, and what is typed after it). */
  void waitForLastLine(String line, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = lastLine();
      if (last.equals(line)) {
        return;
      }
      Thread.sleep(50);
    }
    fail("waited " + seconds + "s for the last line to be [" + line + "], it is [" + last + "]:\n" + screen());
  }

  /** The last line on the screen that is not blank. */
  String lastLine() throws Exception {
    List<String> lines = screen().lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** Ends the session and waits for its program to be gone (killing it after ten seconds). */
  @Override
  public void close() throws Exception {
    try {
      tmux("kill-session", "-t", name);
    } catch (AssertionError e) {
      // the program had ended, and the session with it
    }
    if (program.isPresent()) {
      try {
        program.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        program.get().destroyForcibly();
        program.get().onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LANG", "C.UTF-8"); // Chinese on the screen is read back as UTF-8
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
