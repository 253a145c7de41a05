package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rest of a tutorial through the real docker CLI and docklab's daemon: a terminal exec, the
 * lifecycle verbs, ports, volumes, networks, commit and history, build, login, push and pull back.
 */
class DockerCliWorkflowIT {
  static DaemonFixture f;
  static DockerCli docker;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    f = DaemonFixture.start();
    docker = f.docker;
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  private static DockerCli.Result ok(String... args) throws Exception {
    DockerCli.Result r = docker.run(args);
    assertEquals(0, r.status(), "docker " + String.join(" ", args) + ": " + r.err());
    return r;
  }

  @Test
  void execWithATerminalHasTheClientsSizeAndStatus() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed");
    ok("run", "-d", "--name", "shelly", "busybox", "sleep", "300");
    String session = "docklab-exec-" + ProcessHandle.current().pid();
    DaemonFixture.tmux("new-session", "-d", "-s", session, "-x", "91", "-y", "23", "bash --norc --noprofile");
    try {
      DaemonFixture.type(session, String.join(" ", docker.command("exec", "-it", "shelly", "sh")));
      DaemonFixture.waitFor(session, "/ # ");
      DaemonFixture.type(session, "stty size; echo in-$((1+1)); exit 4");
      DaemonFixture.waitFor(session, "in-2");
      DaemonFixture.waitFor(session, "23 91");
      Thread.sleep(500);
      DaemonFixture.type(session, "echo status=$?");
      DaemonFixture.waitFor(session, "status=4");
    } finally {
      DaemonFixture.tmux("kill-session", "-t", session);
    }
    ok("rm", "-f", "shelly");
  }

  @Test
  void lifecycleVerbsSayWhatDockerSays() throws Exception {
    ok("run", "-d", "--name", "life", "busybox", "sh", "-c", "echo x > /new; sleep 300");
    assertEquals("life\n", ok("restart", "-t", "1", "life").out());
    assertEquals("life\n", ok("pause", "life").out());
    assertTrue(ok("ps", "--format", "{{.Names}} {{.Status}}").out().lines()
        .anyMatch(l -> l.startsWith("life Up ") && l.endsWith(" (Paused)")));
    assertEquals("life\n", ok("unpause", "life").out());
    ok("rename", "life", "life2");
    List<String> top = ok("top", "life2").out().lines().toList();
    assertTrue(top.get(0).startsWith("UID ") && top.get(0).endsWith("CMD"), top.toString());
    assertTrue(top.stream().anyMatch(l -> l.endsWith("sleep 300")), top.toString());
    assertEquals("A /new\n", ok("diff", "life2").out());
    String image = ok("commit", "-a", "Ada", "-m", "with new", "life2", "mine:v1").out().strip();
    assertTrue(image.matches("sha256:[0-9a-f]{64}"), image);
    assertEquals("Ada with new", ok("inspect", "-f", "{{.Author}} {{.Comment}}", "mine:v1").out().strip());
    List<String> history = ok("history", "mine:v1").out().lines().toList();
    assertTrue(history.get(0).matches("IMAGE\\s+CREATED\\s+CREATED BY\\s+SIZE\\s+COMMENT"), history.toString());
    assertTrue(history.get(1).startsWith(image.substring(7, 19) + "   ") && history.get(1).endsWith("with new"),
        history.toString());
    assertEquals(ok("image", "inspect", "-f", "{{.Id}}", "busybox").out(), ok("inspect", "-f", "{{.Parent}}",
        "mine:v1").out(), "a commit's parent is the image its container ran");
    ok("run", "--name", "life3", "mine:v1", "touch", "/newer");
    String child = ok("commit", "life3", "mine:child").out().strip();
    ok("rm", "life3");
    assertEquals("Untagged: mine:v1\n", ok("rmi", "mine:v1").out(), "mine:child was made from it: only the name goes");
    DockerCli.Result refused = docker.run("rmi", "-f", image.substring(7));
    assertEquals(new DockerCli.Result(1, "", "Error response from daemon: conflict: unable to delete "
        + image.substring(7, 19) + " (cannot be forced) - image has dependent child images\n"), refused);
    String both = ok("rmi", "mine:child").out();
    assertTrue(both.startsWith("Untagged: mine:child\nDeleted: " + child + "\n"), both);
    assertTrue(both.contains("Deleted: " + image + "\n"), "its nameless parent goes with it: " + both);
    assertEquals("life2\n", ok("kill", "life2").out());
    DockerCli.Result again = docker.run("kill", "life2");
    assertEquals(1, again.status());
    assertTrue(again.err().startsWith("Error response from daemon: Cannot kill container: life2: Container "),
        again.err());
    assertEquals("exited 137", ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "life2").out().strip());

    ok("create", "--name", "later", "busybox", "sh", "-c", "echo started; exit 2");
    assertEquals(new DockerCli.Result(2, "started\n", ""), docker.run("start", "-a", "later"));
    assertEquals(new DockerCli.Result(2, "started\n", ""), docker.run("start", "-a", "later"));
    assertEquals(new DockerCli.Result(1, "", "You cannot attach to a stopped container, start it first\n"),
        docker.run("attach", "later"));
  }

  @Test
  void publishedPortsAnswerAndVolumesKeepData() throws Exception {
    ok("run", "-d", "--name", "site", "-p", "80", "web");
    String port = ok("port", "site", "80").out().lines().findFirst().orElseThrow();
    assertTrue(port.matches("0\\.0\\.0\\.0:[0-9]+"), port);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = null;
    for (int i = 0; i < 50 && page == null; i++) {
      try {
        page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.split(":")[1] + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    assertTrue(page != null && page.statusCode() == 200, String.valueOf(page));
    ok("rm", "-f", "site");

    assertEquals("data\n", ok("volume", "create", "data").out());
    ok("run", "--rm", "-v", "data:/d", "busybox", "sh", "-c", "echo kept > /d/x");
    assertEquals("kept\n", ok("run", "--rm", "-v", "data:/d:ro", "busybox", "cat", "/d/x").out());
    DockerCli.Result ro = docker.run("run", "--rm", "-v", "data:/d:ro", "busybox", "touch", "/d/y");
    assertEquals(new DockerCli.Result(1, "", "touch: /d/y: Read-only file system\n"), ro);
    ok("run", "-d", "--name", "holder", "-v", "data:/d:ro", "busybox", "sleep", "300");
    assertEquals("volume data /d false", ok("inspect", "-f",
        "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.RW}}{{end}}", "holder").out().strip());
    ok("rm", "-f", "holder");
    assertTrue(ok("volume", "ls").out().lines().anyMatch(l -> l.matches("local\\s+data")));
    assertEquals("data\n", ok("volume", "rm", "data").out());
    assertEquals(new DockerCli.Result(1, "[]\n", "Error response from daemon: get data: no such volume\n"),
        docker.run("volume", "inspect", "data"));
  }

  @Test
  void userNetworksGiveAddressesInTheirSubnet() throws Exception {
    String id = ok("network", "create", "--subnet", "10.98.0.0/16", "classnet").out().strip();
    assertTrue(id.matches("[0-9a-f]{64}"), id);
    assertTrue(ok("network", "ls").out().lines().anyMatch(l -> l.matches("[0-9a-f]{12}\\s+classnet\\s+bridge\\s+local")));
    String addr = ok("run", "--rm", "--network", "classnet", "busybox", "ip", "-4", "-o", "addr", "show", "eth0")
        .out();
    assertTrue(addr.contains("inet 10.98."), addr);
    assertEquals("classnet\n", ok("network", "rm", "classnet").out());
  }

  @Test
  void buildWithADockerfileElsewhereThenPushAndPullBack() throws Exception {
    Path ctx = Files.createDirectories(f.work.resolve("ctx"));
    Files.writeString(ctx.resolve("f"), "file\n");
    Path dockerfile = f.work.resolve("Dockerfile.dev");
    Files.writeString(dockerfile, "FROM busybox\nRUN echo built > /b\nCOPY f /f\nCMD [\"cat\", \"/b\", \"/f\"]\n");
    DockerCli.Result build = ok("build", "-f", dockerfile.toString(), "-t", f.hub + "/alice/app:v1", ctx.toString());
    List<String> lines = build.out().lines().filter(l -> !l.isEmpty() && !l.startsWith("Sending build context")).toList();
    assertEquals("Step 1/4 : FROM busybox", lines.get(0), build.out());
    assertEquals("Step 2/4 : RUN echo built > /b", lines.get(2), build.out());
    assertTrue(lines.get(lines.size() - 1).equals("Successfully tagged " + f.hub + "/alice/app:v1"), build.out());
    assertEquals("built\nfile\n", ok("run", "--rm", f.hub + "/alice/app:v1").out());

    f.engine.registries().signup("alice", "alice-secret");
    DockerCli.Result login = docker.runWithInput("alice-secret\n", "login", "-u", "alice", "--password-stdin", f.hub);
    assertEquals(0, login.status(), login.err());
    assertTrue(login.out().endsWith("Login Succeeded\n"), login.out());
    DockerCli.Result push = ok("push", f.hub + "/alice/app:v1");
    assertEquals("The push refers to repository [" + f.hub + "/alice/app]", push.out().lines().findFirst().orElseThrow());
    assertTrue(push.out().lines().anyMatch(l -> l.matches("v1: digest: sha256:[0-9a-f]{64} size: [0-9]+")), push.out());
    assertTrue(ok("rmi", f.hub + "/alice/app:v1").out().startsWith("Untagged: " + f.hub + "/alice/app:v1\n"));
    DockerCli.Result pull = ok("pull", f.hub + "/alice/app:v1");
    assertTrue(pull.out().startsWith("v1: Pulling from alice/app\n"), pull.out());
    assertTrue(pull.out().endsWith(f.hub + "/alice/app:v1\n"), pull.out());
    assertEquals("built\nfile\n", ok("run", "--rm", f.hub + "/alice/app:v1").out());
  }

  @Test
  void stopOfEveryRunningContainerThroughBash() throws Exception {
    ok("run", "-d", "--name", "one", "busybox", "sleep", "300");
    ok("run", "-d", "--name", "two", "busybox", "sleep", "300");
    String cli = String.join(" ", docker.command());
    Process p = new ProcessBuilder("bash", "-c", cli + " stop -t 1 $(" + cli + " ps -q)").redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals(2, out.lines().filter(l -> l.matches("[0-9a-f]{12}")).count(), out);
    assertEquals("", ok("ps", "-q").out());
    String pruned = ok("container", "prune", "-f").out();
    assertTrue(pruned.startsWith("Deleted Containers:\n"), pruned);
    assertEquals("", ok("ps", "-aq").out());
    assertTrue(ok("system", "df").out().startsWith("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n"));
  }

  @Test
  void saveLoadExportAndTheReferenceFilter() throws Exception {
    ok("tag", "busybox", "saved:v1");
    List<String> images = ok("images", "saved").out().lines().toList();
    assertEquals(2, images.size(), images.toString());
    assertTrue(images.get(1).matches("saved\\s+v1\\s+[0-9a-f]{12}\\s+.*"), images.toString());
    Path tar = f.work.resolve("saved.tar");
    ok("save", "-o", tar.toString(), "saved:v1");
    assertEquals("Untagged: saved:v1\n", ok("rmi", "saved:v1").out());
    assertEquals("Loaded image: saved:v1\n", ok("load", "-i", tar.toString()).out());
    ok("run", "-d", "--name", "exported", "busybox", "sh", "-c", "echo mine > /mine; sleep 300");
    Thread.sleep(500);
    Path export = f.work.resolve("export.tar");
    ok("export", "-o", export.toString(), "exported");
    Process list = new ProcessBuilder("tar", "-tf", export.toString()).start();
    String names = new String(list.getInputStream().readAllBytes());
    assertTrue(list.waitFor(10, TimeUnit.SECONDS));
    assertTrue(names.lines().anyMatch("mine"::equals) && names.lines().anyMatch("bin/busybox"::equals), names);
    ok("rm", "-f", "exported");
  }

  @Test
  void systemPruneRemovesStoppedContainersAndBuilderPruneAnswers() throws Exception {
    String id = ok("run", "--name", "pruned", "busybox", "true").out().strip();
    String gone = ok("inspect", "-f", "{{.Id}}", "pruned").out().strip();
    DockerCli.Result r = ok("system", "prune", "-f");
    assertTrue(r.out().contains("Deleted Containers:\n" + gone + "\n"), r.out());
    assertTrue(r.out().endsWith("Total reclaimed space: 0B\n"), r.out());
    assertEquals(1, docker.run("inspect", "pruned").status(), id);
    assertEquals("Total reclaimed space: 0B\n", ok("builder", "prune", "-f").out());
  }
}
