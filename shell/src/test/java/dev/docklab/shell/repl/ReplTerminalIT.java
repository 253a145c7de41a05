package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import dev.docklab.engine.registry.hub.Accounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.shell.ScratchRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REPL on a real terminal: tmux runs it, send-keys types, capture-pane reads the screen. */
class ReplTerminalIT {
  private final String session = "docklab-it-" + ProcessHandle.current().pid();
  private Path home;
  private Path root;

  @BeforeEach
  void start() throws Exception {
    home = Files.createTempDirectory("docklab-home-");
    root = Files.createTempDirectory("docklab-repl-");
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
      // already gone: Ctrl-D ended it
    }
    ScratchRoot.destroy(root); // every container the test made goes, even when it failed midway
    Trees.deleteRecursively(home);
  }

  /**
   * The first prompt is drawn before the line editor is made (see FirstPrompt): keys typed at once, a
   * cursor key and a backspace among them, are all kept and edited as the editor edits them.
   */
  @Test
  void keysTypedAtTheFirstPromptAreKept() throws Exception {
    keys("-l", "echo typed-eXarly");
    keys("Left", "Left", "Left", "Left", "BSpace", "Enter");
    waitFor("\ntyped-early\n", 30);
    String screen = screen();
    assertTrue(screen.lines().anyMatch(l -> l.strip().equals("docklab> echo typed-early")), screen);
    assertFalse(screen.contains("docklab> docklab>"), "one prompt, drawn over by the editor:\n" + screen);
  }

  /** Ctrl-C at the first prompt drops what was typed before it, as the line editor does. */
  @Test
  void ctrlCAtTheFirstPromptDropsWhatWasTyped() throws Exception {
    keys("-l", "echo dropped-early");
    keys("C-c");
    Thread.sleep(200);
    type("echo kept-after");
    waitFor("\nkept-after\n", 30);
    assertFalse(screen().contains("\ndropped-early"), screen());
  }

  @Test
  void loginAsksForTheUserAndAHiddenPasswordThenPushShowsItsLayers() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + port + "\"}");
    new Accounts(root.resolve("registry/users.json")).add("alice", "alice-secret",
        false);
    waitForEmptyPrompt();
    type("docker login localhost:" + port);
    waitFor("Username: ", 30);
    type("alice");
    waitFor("Password: ", 10);
    type("alice-secret");
    waitFor("Login Succeeded", 30);
    assertFalse(screen().contains("alice-secret"), "the password is not echoed: " + screen());
    assertTrue(Files.readString(home.resolve(".docklab/config.json")).contains("localhost:" + port));
    waitForEmptyPrompt();
    type("docker tag busybox localhost:" + port + "/alice/box && docker push localhost:" + port + "/alice/box");
    waitFor("latest: digest: sha256:", 60);
    assertTrue(screen().contains(": Pushed"), screen());
  }

  @Test
  void runsContainersEditsLinesAndKeepsHistory() throws Exception {
    type("docker run --rm busybox echo hello-from-the-container");
    waitFor("\nhello-from-the-container\n", 30);

    // Ctrl-C drops the line being typed
    waitForEmptyPrompt();
    keys("docker run busybox echo dropped-line");
    waitFor("echo dropped-line", 10);
    keys("C-c");
    waitForEmptyPrompt();
    type("echo after-ctrl-c");
    waitFor("\nafter-ctrl-c\n", 10);
    assertFalse(screen().contains("\ndropped-line"), screen());

    // an open quote continues on the next line
    waitForEmptyPrompt();
    type("echo 'first");
    type("second'");
    waitFor("\nfirst\nsecond\n", 10);

    // line editing: type, move to the start, fix the command word
    waitForEmptyPrompt();
    keys("ocker ps -a");
    keys("Home");
    keys("d");
    keys("Enter");
    waitFor("CONTAINER ID   IMAGE", 10);

    waitForEmptyPrompt();
    keys("C-d");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (sessionAlive()) {
      if (System.nanoTime() > deadline) {
        fail("Ctrl-D did not leave the REPL:\n" + screen());
      }
      Thread.sleep(100);
    }
    String history = Files.readString(home.resolve(".docklab_history"));
    assertTrue(history.contains("docker run --rm busybox echo hello-from-the-container"), history);
  }

  @Test
  void interactiveContainerDetachAttachAndExec() throws Exception {
    type("docker run -it --name box busybox sh");
    waitFor("/ # ", 30);
    type("echo $((6*7)) > /answer; cat /answer");
    waitFor("\n42\n", 10);
    keys("C-p");
    keys("C-q");
    waitFor("\ndetached from box; it keeps running (docker attach box to return)\n", 10);
    waitForEmptyPrompt();
    type("docker ps");
    waitFor("Up ", 10);
    assertTrue(screen().lines().anyMatch(l -> l.endsWith(" box")), screen());

    // a second shell in the same container, on the learner's terminal
    waitForEmptyPrompt();
    type("docker exec -it box sh");
    waitForProcess("runc.* exec ");
    type("tty; cat /answer; echo exec-$((1+1))");
    waitFor("\nexec-2\n", 10);
    assertTrue(screen().contains("\n/dev/pts/"), "exec -it has a terminal of its own:\n" + screen());
    type("exit 5");
    waitForEmptyPrompt();
    type("echo exec-status-$?");
    waitFor("\nexec-status-5\n", 10);
    waitForEmptyPrompt();

    type("docker attach box");
    Thread.sleep(500);
    type("echo attached-$((2+3))");
    waitFor("\nattached-5\n", 10);
    type("exit");
    waitForEmptyPrompt();
    type("docker ps -a --no-trunc");
    waitFor("Exited (0)", 10);

    // Tab completes subcommands and container names
    waitForEmptyPrompt();
    keys("docker insp");
    keys("Tab");
    keys("-l", " bo");
    keys("Tab");
    keys("-l", " -f {{.Name}}");
    keys("Enter");
    waitFor("\n/box\n", 10);
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

  private boolean sessionAlive() throws IOException, InterruptedException {
    return new ProcessBuilder("tmux", "has-session", "-t", session).start().waitFor() == 0;
  }

  private void waitFor(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    String s = "";
    while (System.nanoTime() < deadline) {
      s = screen();
      if (s.contains(text)) {
        return;
      }
      Thread.sleep(20);
    }
    fail("waited " + seconds + "s for " + text.strip() + " on the screen:\n" + s);
  }

  /** Waits until a host process matching {@code pattern} runs (the exec'd shell has no prompt to wait for). */
  private static void waitForProcess(String pattern) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (new ProcessBuilder("pgrep", "-f", pattern).start().waitFor() != 0) {
      if (System.nanoTime() > deadline) {
        fail("no process matching " + pattern);
      }
      Thread.sleep(50);
    }
    Thread.sleep(300);
  }

  /** Waits until the last line on the screen is a fresh, empty prompt (as a person would). */
  private void waitForEmptyPrompt() throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<String> lines = screen().lines().filter(l -> !l.isBlank()).toList();
      if (!lines.isEmpty() && lines.get(lines.size() - 1).strip().equals("docklab>")) {
        return;
      }
      Thread.sleep(50);
    }
    fail("no fresh prompt:\n" + screen());
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
