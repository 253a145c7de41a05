package dev.docklab.daemon;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real engine on a scratch data root (its hub on a free port, signup open), served by a daemon on a
 * socket of its own, and the real docker CLI pointed at it. Closing removes every container, stops
 * both and leaves nothing behind.
 */
final class DaemonFixture implements AutoCloseable {
  final Path root;
  final Path work;
  final Path socket;
  final Engine engine;
  final Daemon daemon;
  final DockerCli docker;
  final String hub;

  private DaemonFixture(Path root, Path work, Path socket, Engine engine, Daemon daemon, String hub)
      throws IOException {
    this.root = root;
    this.work = work;
    this.socket = socket;
    this.engine = engine;
    this.daemon = daemon;
    this.docker = new DockerCli(socket, Files.createDirectories(work.resolve("config")));
    this.hub = hub;
  }

  static DaemonFixture start() throws Exception {
    return start(null);
  }

  /** A fixture whose daemon listens on {@code socket} (null: a socket in its scratch directory). */
  static DaemonFixture start(Path socket) throws Exception {
    Path root = Files.createTempDirectory("docklab-daemon-");
    Path work = Files.createTempDirectory("docklab-cli-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + port + "\", \"hub-signup\": true}");
    EventHub events = new EventHub();
    Engine engine = Engine.open(EngineOptions.at(root), events);
    Daemon daemon = new Daemon(engine, events);
    DaemonFixture f = new DaemonFixture(root, work, socket == null ? work.resolve("docklab.sock") : socket, engine,
        daemon, "localhost:" + port);
    try {
      engine.system().ensureBaseImages();
      daemon.start(List.of(ListenAddress.parse("unix://" + f.socket)));
    } catch (Exception e) {
      f.close();
      throw e;
    }
    return f;
  }

  @Override
  public void close() throws Exception {
    for (Container c : engine.containers().list(true)) {
      try {
        engine.containers().remove(c.id(), true, true);
      } catch (RuntimeException e) {
        // keep cleaning
      }
    }
    daemon.close();
    engine.close();
    tmux("kill-server");
    for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
      String target = line.split(" ")[1];
      if (target.startsWith(root.toString())) {
        new ProcessBuilder("umount", "-l", target).start().waitFor();
      }
    }
    delete(root);
    delete(work);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Waits until the tmux pane shows a line with {@code text} that is not the command typed. */
  static void waitFor(String session, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
      if (screen.lines().anyMatch(l -> l.contains(text) && !l.contains("echo"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no \"" + text + "\" on the screen:\n" + screen);
  }

  /** Types {@code line} and Enter into the tmux pane. */
  static void type(String session, String line) throws Exception {
    tmux("send-keys", "-t", session, "-l", line);
    tmux("send-keys", "-t", session, "Enter");
  }

  /** The tests' own tmux server: other tests on this machine that end theirs leave it be. */
  static final String TMUX_SERVER = "docklab-daemon-" + ProcessHandle.current().pid();

  static String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", TMUX_SERVER));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }
}
