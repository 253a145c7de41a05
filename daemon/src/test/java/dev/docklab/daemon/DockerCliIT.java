package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tutorial's commands typed into the real docker CLI, against docklab's daemon on a socket over a
 * scratch data root: each output and exit status as Docker gives them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerCliIT {
  static DaemonFixture f;
  static DockerCli docker;
  static Path socket;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    f = DaemonFixture.start();
    docker = f.docker;
    socket = f.socket;
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  @Test
  @Order(1)
  void versionNamesBothSidesAndTheNegotiatedApi() throws Exception {
    DockerCli.Result r = docker.run("version");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("API version:       1.47 (downgraded from 1.50)"), r.out());
    assertTrue(r.out().contains("Server: docklab"), r.out());
    assertTrue(r.out().contains("  API version:      1.47 (minimum version 1.24)"), r.out());
  }

  @Test
  @Order(2)
  void infoShowsTheEngine() throws Exception {
    DockerCli.Result r = docker.run("info");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(" Storage Driver: overlay2"), r.out());
    assertTrue(r.out().contains(" Docker Root Dir: " + f.root), r.out());
    assertEquals("", r.err());
  }

  @Test
  @Order(3)
  void pullSaysDockersLines() throws Exception {
    DockerCli.Result r = docker.run("pull", "busybox");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("Using default tag: latest", lines.get(0));
    assertEquals("latest: Pulling from library/busybox", lines.get(1));
    assertTrue(lines.get(2).startsWith("Digest: sha256:"), r.out());
    assertEquals("Status: Image is up to date for busybox:latest", lines.get(3));
    assertEquals("docker.io/library/busybox:latest", lines.get(4));
  }

  @Test
  @Order(4)
  void aDetachedLoopRunsLogsAndStops() throws Exception {
    DockerCli.Result run = docker.run("run", "-d", "--name", "clock", "busybox", "sh", "-c",
        "while true; do echo hello; sleep 1; done");
    assertEquals(0, run.status(), run.err());
    String id = run.out().strip();
    assertTrue(id.matches("[0-9a-f]{64}"), run.out());
    DockerCli.Result ps = docker.run("ps");
    List<String> rows = ps.out().lines().toList();
    assertTrue(rows.get(0).startsWith("CONTAINER ID   IMAGE     COMMAND                  CREATED "), ps.out());
    assertTrue(rows.get(0).endsWith("   PORTS     NAMES"), ps.out());
    assertTrue(rows.get(1).startsWith(id.substring(0, 12) + "   busybox   \"sh -c while true; d…\"   "), ps.out());
    assertTrue(rows.get(1).contains("   Up ") && rows.get(1).endsWith("clock"), ps.out());

    Thread.sleep(2500);
    DockerCli.Result logs = docker.run("logs", "clock");
    assertEquals(0, logs.status(), logs.err());
    assertTrue(logs.out().lines().count() >= 2 && logs.out().lines().allMatch("hello"::equals), logs.out());

    Process follow = new ProcessBuilder(docker.command("logs", "-f", "--tail", "1", "clock")).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(follow.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (int i = 0; i < 3; i++) {
        assertEquals("hello", lines.readLine());
      }
    } finally {
      follow.destroy();
      assertTrue(follow.waitFor(10, TimeUnit.SECONDS));
    }
    assertEquals("running", docker.run("inspect", "-f", "{{.State.Status}}", "clock").out().strip());

    DockerCli.Result stop = docker.run("stop", "-t", "1", "clock");
    assertEquals(0, stop.status(), stop.err());
    assertEquals("clock\n", stop.out());
    DockerCli.Result all = docker.run("ps", "-a", "--format", "{{.Names}} {{.Status}}");
    assertTrue(all.out().startsWith("clock Exited (137) "), all.out());
    DockerCli.Result rm = docker.run("rm", "clock");
    assertEquals("clock\n", rm.out());
    assertEquals("", docker.run("ps", "-aq").out());
  }

  @Test
  @Order(5)
  void aForegroundRunPrintsAndRemovesItself() throws Exception {
    DockerCli.Result r = docker.run("run", "--rm", "busybox", "echo", "hello");
    assertEquals(new DockerCli.Result(0, "hello\n", ""), r);
    assertEquals("", docker.run("ps", "-aq").out());
  }

  @Test
  @Order(6)
  void theExitStatusAndStderrComeThrough() throws Exception {
    DockerCli.Result r = docker.run("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertEquals(new DockerCli.Result(3, "out\n", "err\n"), r);
    DockerCli.Result piped = docker.runWithInput("one\ntwo\n", "run", "-i", "--rm", "busybox", "sort", "-r");
    assertEquals(new DockerCli.Result(0, "two\none\n", ""), piped);
  }

  @Test
  @Order(7)
  void imagesTagAndRmi() throws Exception {
    DockerCli.Result tag = docker.run("tag", "busybox", "tagged/busybox:v9.0");
    assertEquals(0, tag.status(), tag.err());
    DockerCli.Result images = docker.run("images");
    assertTrue(images.out().matches("(?s)REPOSITORY\\s+TAG\\s+IMAGE ID\\s+CREATED\\s+SIZE\n.*"), images.out());
    assertTrue(images.out().lines().anyMatch(l -> l.matches("tagged/busybox\\s+v9\\.0\\s+[0-9a-f]{12}\\s+.*")),
        images.out());
    DockerCli.Result rmi = docker.run("rmi", "tagged/busybox:v9.0");
    assertEquals(new DockerCli.Result(0, "Untagged: tagged/busybox:v9.0\n", ""), rmi);
    String inspected = docker.run("inspect", "-f", "{{.Id}}", "busybox").out().strip();
    assertTrue(inspected.matches("sha256:[0-9a-f]{64}"), inspected);
  }

  @Test
  @Order(8)
  void execRunsInTheContainerWithItsStatus() throws Exception {
    DockerCli.Result run = docker.run("run", "-d", "--name", "box", "busybox", "sleep", "300");
    assertEquals(0, run.status(), run.err());
    assertEquals(new DockerCli.Result(0, run.out().substring(0, 12) + "\n", ""), docker.run("exec", "box", "hostname"));
    DockerCli.Result status = docker.run("exec", "box", "sh", "-c", "echo in; exit 7");
    assertEquals(new DockerCli.Result(7, "in\n", ""), status);
  }

  @Test
  @Order(9)
  void failuresAreDockersOwnLines() throws Exception {
    assertEquals(new DockerCli.Result(1, "", "Error response from daemon: No such container: nosuch\n"),
        docker.run("logs", "nosuch"));
    DockerCli.Result rm = docker.run("rm", "box");
    assertEquals(1, rm.status());
    assertTrue(rm.err().startsWith("Error response from daemon: "), rm.err());
    // the engine's line is Docker's own (dockerd before 25 said it so)
    assertTrue(rm.err().matches("Error response from daemon: You cannot remove a running container [0-9a-f]{64}\\."
        + " Stop the container before attempting removal or force remove\n"), rm.err());
  }

  @Test
  @Order(10)
  void badRequestsGetDockersJsonErrorsAndTheDaemonServesOn() throws Exception {
    String unknown = RawHttp.exchange(socket, "GET", "/v1.47/no/such/route", null);
    assertTrue(unknown.startsWith("HTTP/1.1 404 "), unknown);
    assertTrue(unknown.endsWith("{\"message\":\"page not found\"}"), unknown);
    String malformed = RawHttp.exchange(socket, "POST", "/v1.47/containers/create", "{\"Image\": ");
    assertTrue(malformed.startsWith("HTTP/1.1 400 "), malformed);
    assertTrue(malformed.contains("{\"message\":\"invalid JSON: "), malformed);
    String tooNew = RawHttp.exchange(socket, "GET", "/v1.99/version", null);
    assertTrue(tooNew.contains("client version 1.99 is too new. Maximum supported API version is 1.47"), tooNew);

    // a client that hangs up in the middle of an attach: the container runs on, the daemon serves on
    try (SocketChannel ch = RawHttp.open(socket)) {
      RawHttp.send(ch, "POST", "/v1.47/containers/box/attach?stream=1&stdin=1&stdout=1&stderr=1", null,
          "Connection: Upgrade\r\nUpgrade: tcp\r\n");
      ByteBuffer head = ByteBuffer.allocate(512);
      ch.read(head);
      String answer = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("HTTP/1.1 101 "), answer);
      assertTrue(answer.contains("Upgrade: tcp"), answer);
    }
    String ping = RawHttp.exchange(socket, "GET", "/_ping", null);
    assertTrue(ping.startsWith("HTTP/1.1 200 ") && ping.contains("Api-Version: 1.47") && ping.endsWith("OK"), ping);
    assertEquals("running", docker.run("inspect", "-f", "{{.State.Status}}", "box").out().strip());
    // its attach ends with the container at the latest: nothing of it is left
    assertEquals(0, docker.run("rm", "-f", "box").status());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (attachThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(0, attachThreads(), "the attach of a client that hung up ends");
  }

  @Test
  @Order(11)
  void eventsStreamAContainersLife() throws Exception {
    Process events = new ProcessBuilder(docker.command("events", "--filter", "container=ticker", "--format",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}")).start();
    try {
      Thread.sleep(500);
      assertEquals(0, docker.run("run", "--name", "ticker", "busybox", "true").status());
      assertEquals(0, docker.run("rm", "ticker").status());
      List<String> seen = new ArrayList<>();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          seen.add(line);
          if (line.startsWith("container destroy")) {
            break;
          }
        }
      }
      assertEquals(List.of("container create ticker", "container start ticker", "container die ticker",
          "container destroy ticker"), seen.stream().filter(l -> !l.contains("attach")).toList());
    } finally {
      events.destroy();
      events.waitFor(10, TimeUnit.SECONDS);
    }
    Process images = new ProcessBuilder(docker.command("events", "--filter", "type=image", "--format",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}")).start();
    try {
      Thread.sleep(500);
      assertEquals(0, docker.run("tag", "busybox", "evented:v1").status());
      assertEquals(0, docker.run("rmi", "evented:v1").status());
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(images.getInputStream(),
          StandardCharsets.UTF_8))) {
        assertEquals("image tag evented:v1", lines.readLine());
        assertEquals("image untag evented:v1", lines.readLine());
      }
    } finally {
      images.destroy();
      images.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(12)
  void aTerminalRunDetachesAndAttachesBack() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed");
    String session = "docklab-cli-" + ProcessHandle.current().pid();
    String cli = String.join(" ", docker.command());
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "bash --norc --noprofile");
    try {
      tmux("send-keys", "-t", session, "-l", cli + " run -it --name tty busybox sh");
      tmux("send-keys", "-t", session, "Enter");
      waitFor(session, "/ # ");
      tmux("send-keys", "-t", session, "-l", "echo hi-$((6*7))");
      tmux("send-keys", "-t", session, "Enter");
      waitFor(session, "hi-42");
      tmux("send-keys", "-t", session, "C-p", "C-q");
      tmux("send-keys", "-t", session, "-l", "echo status=$?");
      tmux("send-keys", "-t", session, "Enter");
      waitFor(session, "status=0");
      assertEquals("running", docker.run("inspect", "-f", "{{.State.Status}}", "tty").out().strip());
      tmux("send-keys", "-t", session, "-l", cli + " attach tty");
      tmux("send-keys", "-t", session, "Enter");
      Thread.sleep(1000);
      tmux("send-keys", "-t", session, "-l", "echo back-$((2*3)); exit 5");
      tmux("send-keys", "-t", session, "Enter");
      waitFor(session, "back-6");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (docker.run("inspect", "-f", "{{.State.Status}}", "tty").out().strip().equals("running")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(500);
      tmux("send-keys", "-t", session, "-l", "echo status=$?");
      tmux("send-keys", "-t", session, "Enter");
      waitFor(session, "status=5");
      assertEquals("exited 5", docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "tty").out()
          .strip());
    } finally {
      tmux("kill-session", "-t", session);
    }
  }

  private static long attachThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("docklab-attach")).count();
  }

  @Test
  @Order(13)
  void processFlagsOfTheRealClientReachTheContainer() throws Exception {
    DockerCli.Result pwd = docker.run("run", "--rm", "-w", "/tmp", "busybox", "pwd");
    assertEquals("/tmp\n", pwd.out(), pwd.err());
    DockerCli.Result id = docker.run("run", "--rm", "-u", "nobody", "-h", "myhost", "busybox", "sh", "-c",
        "id; hostname");
    assertTrue(id.out().startsWith("uid=65534(nobody) gid=65534(nogroup)") && id.out().endsWith("\nmyhost\n"),
        id.out() + id.err());
    DockerCli.Result echo = docker.run("run", "--rm", "--entrypoint", "echo", "busybox", "hi");
    assertEquals("hi\n", echo.out(), echo.err());
    DockerCli.Result create = docker.run("create", "--name", "flags", "-w", "/srv", "-u", "nobody", "-h", "myhost",
        "busybox");
    assertEquals(0, create.status(), create.err());
    DockerCli.Result inspect = docker.run("inspect", "-f",
        "{{.Config.WorkingDir}} {{.Config.User}} {{.Config.Hostname}}", "flags");
    assertEquals("/srv nobody myhost\n", inspect.out(), inspect.err());
    docker.run("rm", "flags");
  }

  private static void waitFor(String session, String text) throws Exception {
    DaemonFixture.waitFor(session, text);
  }

  private static String tmux(String... args) throws Exception {
    return DaemonFixture.tmux(args);
  }
}
