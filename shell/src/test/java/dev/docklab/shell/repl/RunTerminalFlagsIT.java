package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.docklab.engine.store.Trees;
import dev.docklab.shell.ScratchRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run}'s terminal flags on a real terminal (tmux): {@code --detach-keys} (the run's own keys
 * detach, Ctrl+P Ctrl+Q no longer) and {@code --sig-proxy=false} (Ctrl-C leaves the container running).
 */
class RunTerminalFlagsIT {
  private final String session = "docklab-detach-" + ProcessHandle.current().pid();
  private Path home;
  private Path root;

  @BeforeEach
  void start() throws Exception {
    home = Files.createTempDirectory("docklab-home-");
    root = Files.createTempDirectory("docklab-detach-");
    Path jar = Path.of("target/docklab.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the shell first: " + jar);
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "50",
        "env HOME=" + home + " LANG=C.UTF-8 java -jar " + jar + " --data-root " + root + " --lang en");
    waitFor("docklab> ", 90);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      tmux("kill-session", "-t", session);
    } catch (AssertionError e) {
      // already gone
    }
    ScratchRoot.destroy(root);
    Trees.deleteRecursively(home);
  }

  @Test
  void theRunsOwnDetachKeysDetachAndCtrlPCtrlQReachesTheContainer() throws Exception {
    type("docker run -it --name box --detach-keys ctrl-a,x busybox sh");
    waitFor("/ # ", 30);
    keys("C-p");
    keys("C-q");
    type("echo still-$((40+2))");
    waitFor("\nstill-42\n", 10);
    keys("C-a");
    keys("x");
    waitFor("\ndetached from box; it keeps running (docker attach box to return)\n", 10);
    type("docker ps --format '{{.Names}} {{.State}}'");
    waitFor("\nbox running\n", 10);
    type("docker run -it --detach-keys ctrl-1 busybox sh");
    waitFor("docker: Invalid detach keys (ctrl-1) provided.", 10);
  }

  @Test
  void withoutSigProxyCtrlCLeavesTheContainerRunning() throws Exception {
    // a container that ends on SIGINT: with the proxy (the default) Ctrl-C would end it
    type("docker run --name nosig --sig-proxy=false busybox sh -c "
        + "'trap \"exit 5\" INT; echo started; while true; do sleep 0.2; done'");
    waitFor("\nstarted\n", 30);
    keys("C-c");
    type("docker ps --format '{{.Names}} {{.State}}'");
    waitFor("\nnosig running\n", 10);
  }

  private void type(String line) throws Exception {
    keys("-l", line);
    keys("Enter");
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  private String screen() throws Exception {
    return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
  }

  private void waitFor(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
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

  private static String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
