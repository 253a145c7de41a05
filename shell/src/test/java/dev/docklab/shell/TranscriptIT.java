package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.shell.render.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a learner types and sees, through {@code docklab -c}, on the real engine. */
class TranscriptIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-shell-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void runPrintsTheContainersOutputAndStatus() {
    Transcript.Result r = t.run("docker run --rm busybox echo hello");
    assertEquals("hello\n", r.out());
    assertEquals(0, r.status());
    assertEquals(3, t.run("docker run --rm busybox sh -c 'exit 3'").status());
    assertEquals("3\n", t.run("docker run --rm busybox sh -c 'exit 3'; echo $?").out());
  }

  @Test
  void firstUseBuildsTheBusyboxImageWithItsVersionTags() {
    Transcript.Result r = t.run("docker images busybox");
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("REPOSITORY   TAG       IMAGE ID       CREATED +SIZE"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("busybox +latest +[0-9a-f]{12} +.* ago +[0-9.]+MB")), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("busybox +\\d+\\.\\d+ +[0-9a-f]{12} .*")), r.out());
    Transcript.Result pull = t.run("docker pull busybox");
    assertEquals(List.of("Using default tag: latest", "latest: Pulling from library/busybox"),
        pull.out().lines().limit(2).toList());
    assertTrue(pull.out().contains("Status: Image is up to date for busybox:latest\ndocker.io/library/busybox:latest\n"),
        pull.out());
  }

  @Test
  void psShowsExitedContainersAndRmRemovesThem() {
    t.run("docker run --name lesson1 busybox echo hi");
    Transcript.Result ps = t.run("docker ps -a");
    assertTrue(ps.out().startsWith("CONTAINER ID   IMAGE"), ps.out());
    String row = ps.out().lines().filter(l -> l.endsWith("lesson1")).findFirst().orElseThrow();
    assertTrue(row.matches("[0-9a-f]{12}   busybox +\"echo hi\" +.+ ago +Exited \\(0\\) .+ ago +lesson1"), row);
    assertEquals("", t.run("docker ps").out().lines().filter(l -> l.endsWith("lesson1")).findFirst().orElse(""),
        "ps without -a hides exited containers");
    String id = t.run("docker ps -aq --no-trunc").out().lines().filter(l -> !l.isEmpty()).findFirst().orElseThrow();
    assertEquals(64, id.length());
    Transcript.Result rm = t.run("docker rm lesson1");
    assertEquals("lesson1\n", rm.out());
    Transcript.Result again = t.run("docker rm lesson1");
    assertEquals("Error response from daemon: No such container: lesson1\n", again.err());
    assertEquals(1, again.status());
  }

  @Test
  void commandSubstitutionRemovesEveryContainer() {
    t.run("docker run busybox true; docker run busybox true");
    Transcript.Result r = t.run("docker rm $(docker ps -aq) && docker ps -aq");
    assertEquals(0, r.status(), r.err());
    assertTrue(t.run("docker ps -aq").out().isEmpty());
  }

  @Test
  void memoryFlagSetsTheLimitSeenInside() {
    Transcript.Result r = t.run("docker run --rm -m 32m busybox cat /sys/fs/cgroup/memory/memory.limit_in_bytes");
    assertEquals("33554432\n", r.out(), r.err());
  }

  @Test
  void badInputGetsDockersOneLineErrors() {
    assertEquals("unknown flag: --frob\nSee 'docker run --help'.\n", t.run("docker run --frob busybox").err());
    assertEquals(125, t.run("docker run --frob busybox").status());
    assertEquals("docker: invalid reference format: repository name (library/BusyBox) must be lowercase.\n"
        + "See 'docker run --help'.\n", t.run("docker run BusyBox").err());
    Transcript.Result missing = t.run("docker run nosuchimage");
    assertTrue(missing.err().startsWith("Unable to find image 'nosuchimage:latest' locally\n"
        + "docker: Error response from daemon: pull access denied for nosuchimage"), missing.err());
    assertEquals(125, missing.status());
    Transcript.Result notFound = t.run("docker run --rm busybox nosuchcommand");
    assertEquals(127, notFound.status());
    assertTrue(notFound.err().contains("exec: \"nosuchcommand\": executable file not found in $PATH"), notFound.err());
    assertTrue(!notFound.err().contains("\tat "), "no stack trace");
    assertTrue(t.run("ps").out().startsWith("CONTAINER ID   IMAGE"), "ps is docker ps");
    Transcript.Result typo = t.run("dokcer ps");
    assertEquals(127, typo.status(), "a slip from docker runs nothing");
    assertEquals("docklab: dokcer: command not found; did you mean `docker ps`? (nothing ran)\n", typo.err());
    Transcript.Result unknown = t.run("nosuchprogram");
    assertEquals(127, unknown.status(), "an unknown word far from docklab's goes to the host's shell");
    assertTrue(unknown.err().contains("nosuchprogram: command not found"), "bash says it: " + unknown.err());
  }

  @Test
  void importMakesAOneLayerImageThatRuns() throws Exception {
    byte[] rootfs = new TarBuilder(Instant.EPOCH)
        .dir("bin", 0755).file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")))
        .symlink("bin/sh", "busybox").symlink("bin/cat", "busybox")
        .dir("etc", 0755).file("etc/motd", 0644, "imported!\n").toBytes();
    Transcript.Result imported = t.run("docker import - mybox:v1", rootfs);
    assertTrue(imported.out().matches("sha256:[0-9a-f]{64}\n"), imported.out() + imported.err());
    assertEquals("imported!\n", t.run("docker run --rm mybox:v1 /bin/cat /etc/motd").out());
    assertTrue(t.run("docker images mybox").out().lines().anyMatch(l -> l.startsWith("mybox        v1")));
  }

  @Test
  void commitTagHistoryDiffAndRmiAsInATutorial() {
    t.run("docker run --name work busybox sh -c 'echo hi > /hello.txt; rm /bin/vi'");
    assertEquals("C /bin\nD /bin/vi\nA /hello.txt\n", t.run("docker diff work").out());
    Transcript.Result commit = t.run("docker commit -a 'Ada <ada@example.com>' -m 'add hello' work lesson/hello:v1");
    assertTrue(commit.out().matches("sha256:[0-9a-f]{64}\n"), commit.out() + commit.err());
    assertEquals("hi\n", t.run("docker run --rm lesson/hello:v1 cat /hello.txt").out());
    List<String> history = t.run("docker history lesson/hello:v1").out().lines().toList();
    assertTrue(history.get(0).matches("IMAGE +CREATED +CREATED BY +SIZE +COMMENT"), history.get(0));
    assertTrue(history.get(1).matches("[0-9a-f]{12} +.+ago +sh -c echo hi > /hello.txt; rm /bin/vi +\\d+B +add hello"),
        history.get(1));
    assertTrue(history.get(2).startsWith("<missing>"));
    t.run("docker tag lesson/hello:v1 lesson/hello:latest");
    assertEquals("Untagged: lesson/hello:v1\n", t.run("docker rmi lesson/hello:v1").out());
    Transcript.Result last = t.run("docker rmi lesson/hello");
    assertTrue(last.out().matches("Untagged: lesson/hello:latest\nDeleted: sha256:[0-9a-f]{64}\n"
        + "Deleted: sha256:[0-9a-f]{64}\n"), last.out() + last.err());
    assertEquals("Error response from daemon: No such image: lesson/hello:latest\n", t.run("docker rmi lesson/hello").err());
    t.run("docker rm work");
  }

  @Test
  void imageFiltersFormatsAndPrune() {
    t.run("docker run --name p1 busybox sh -c 'head -c 5000 /dev/urandom > /blob'");
    String dangling = t.run("docker commit p1").out().strip();
    t.run("docker rm p1");
    assertTrue(t.run("docker images --filter dangling=true -q").out().contains(dangling.substring(7, 19)));
    assertEquals("busybox:1.35\nbusybox:1.35.0\n",
        t.run("docker images --filter 'reference=busy*:1.*' --format '{{.Repository}}:{{.Tag}}'").out());
    Transcript.Result prune = t.run("docker image prune -f");
    assertTrue(prune.out().startsWith("Deleted Images:\ndeleted: " + dangling + "\n"), prune.out());
    assertTrue(prune.out().endsWith("Total reclaimed space: 5kB\n"), prune.out());
    Transcript.Result declined = t.run("docker image prune", "n\n".getBytes());
    assertTrue(declined.out().startsWith("WARNING! This will remove all dangling images.\n"
        + "Are you sure you want to continue? [y/N] "), declined.out());
  }

  @Test
  void explainDriversMeasuresOverlay2AgainstVfsAndLeavesNothingBehind() throws Exception {
    String flat = t.run("explain drivers measure").out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("This engine uses overlay2."), flat);
    assertTrue(flat.contains("devicemapper: block-level thin snapshots"), flat);
    assertTrue(flat.matches(".*This kernel offers: overlay[ ,].*"), flat);
    assertTrue(flat.matches(".*Measured now on this engine with busybox \\(\\d+ layers, [0-9.]+[kM]?B\\).*"), flat);
    assertTrue(flat.matches(".*overlay2: ready in [0-9.]+ m?s; it wrote 0B .*"), flat);
    Matcher vfs = Pattern.compile("vfs: ready in [0-9.]+ m?s; it wrote ([0-9.]+)MB").matcher(flat);
    assertTrue(vfs.find(), flat);
    assertTrue(Double.parseDouble(vfs.group(1)) > 0.5, "vfs copies the whole image: " + flat);
    try (Stream<Path> dirs = Files.list(t.root.resolve("containers"))) {
      assertTrue(dirs.noneMatch(d -> d.getFileName().toString().startsWith("explain-drivers-")));
    }
    assertTrue(Mounts.under(t.root).stream().noneMatch(m -> m.toString().contains("explain-drivers-")));
    assertTrue(t.run("explain drivers").out().contains("explain drivers measure [IMAGE]"));
  }

  @Test
  void explainShowsTheRealLayersMountAndTrace() {
    t.run("docker run -d --name explained busybox sleep 30");
    try {
      String mount = t.run("explain mount explained").out();
      assertTrue(mount.startsWith("Container explained: its root is a union mount (overlayfs), mounted now\n"), mount);
      assertTrue(mount.contains("  lowerdir=(3 paths, the top-most layer first)\n"), mount);
      String layers = t.run("explain layers busybox").out();
      assertTrue(layers.contains("│  shared with: web:latest, container explained\n"), layers);
      String explained = t.run("docker run --rm --explain busybox echo traced").out();
      assertTrue(explained.startsWith("traced\nWhat happened for: docker run --rm --explain busybox echo traced\n"),
          explained);
      assertTrue(!explained.contains("\033["), "no colour when the output is not a terminal");
      String last = t.run("docker run --rm busybox true\nexplain last").out();
      assertTrue(last.contains(". mount "), last);
      assertTrue(last.contains("lowerdir="), last);
      assertEquals("docklab: No such container: nosuch\n", t.run("explain mount nosuch").err());
      String usage = t.run("explain nosuch").err();
      assertTrue(usage.startsWith("docklab: Usage: explain layers IMAGE | mount CONTAINER | ") && usage.contains(" | arch | "),
          usage);
      assertTrue(t.run("explain arch").out().contains(String.valueOf(ProcessHandle.current().pid())),
          "explain arch is dispatched from the same table as usage and help");
      t.run("docker exec explained rm /bin/vi");
      String file = t.run("explain file explained /bin/vi").out();
      assertTrue(file.startsWith("/bin/vi in container explained\n  is deleted: a whiteout in container layer"), file);
      String passwd = t.run("explain file explained /etc/passwd").out();
      assertTrue(passwd.contains("comes from " + t.run("docker inspect -f '{{index .RootFS.Layers 1}}' busybox").out()
          .strip().substring(7, 19)), passwd);
      String boot = t.run("explain boot explained").out();
      assertTrue(boot.contains(": the same kernel\n"), boot);
      assertTrue(boot.contains("  PID 1 inside: sleep 30; the same process on the host: PID "), boot);
      String vm = t.run("explain vm").out();
      assertTrue(vm.matches("(?s).*start and finish a container \\(docker run --rm busybox true\\): \\d+ ms.*"), vm);
    } finally {
      t.run("docker rm -f explained");
    }
  }

  @Test
  void explainDockerAnnotatesACommandWithoutRunningIt() {
    String before = t.run("docker ps -aq").out();
    List<String> lines = t.run("explain docker run -it --rm --name web busybox sh").out().lines().toList();
    assertEquals(List.of("docker run -it --rm --name web busybox sh",
        "  docker run  Create and run a new container from an image",
        "  -i, --interactive", "      keep the container's stdin open: what you type goes to it",
        "  -t, --tty", "      give it a pseudo-terminal: a prompt, line editing, Ctrl-C for its program",
        "  --rm", "      remove the container (and its read-write layer) as soon as it exits",
        "  --name web", "      a name to use instead of the id in later commands",
        "  busybox", "      IMAGE: the image to make the container from:",
        "      docker.io/library/busybox:latest (pulled first when it is not here)",
        "  sh", "      COMMAND: the command to run instead of the image's CMD"), lines);
    assertEquals(before, t.run("docker ps -aq").out(), "nothing ran");
    assertEquals("docklab: unknown flag: --frob\n", t.run("explain docker run --frob busybox").err());
  }

  @Test
  void explainCowWatchesCopyUpsDeletionsAndMeasuresTheCost() {
    Transcript.Result r = t.run(String.join("\n", "docker run -d --name cow1 busybox sleep 30", "explain cow cow1",
        "docker exec cow1 sh -c 'echo x >> /etc/passwd'", "docker exec cow1 rm /bin/vi", "docker rm -f cow1"));
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\[cow cow1\\] COPY-UP /etc/passwd: \\d+B copied up whole from layer [0-9a-f]{12}")),
        r.out());
    assertTrue(lines.contains("[cow cow1] DELETE  /bin/vi: whiteout (char 0:0; in a tar: /bin/.wh.vi)"), r.out());
  }

  @Test
  void explainArchShowsTheProcessAndTheBoundary() {
    String arch = t.run("explain arch").out();
    assertTrue(arch.contains("  ┌─ one process: java, PID " + ProcessHandle.current().pid() + "\n"), arch);
    assertTrue(arch.contains("runs the OCI runtime: runc create / start") || arch.contains("crun create"), arch);
    for (String l : arch.lines().toList()) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
  }

  @Test
  void infoNamesTheDriverRuntimeAndCgroups() {
    String out = t.run("docker info").out();
    assertTrue(out.contains(" Storage Driver: overlay2\n"), out);
    assertTrue(out.contains(" Default Runtime: runc") || out.contains(" Default Runtime: crun"), out);
    assertTrue(out.contains(" Cgroup Version: "), out);
    assertTrue(out.contains(" Kernel Version: " + System.getProperty("os.version")), out);
    assertTrue(out.contains(" Docker Root Dir: " + t.root), out);
  }

  @Test
  void helpSpeaksChineseWhenAsked() {
    Transcript.Result r = t.run("lang zh; help");
    assertTrue(r.out().contains("语言：简体中文"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches(" +docker run +从镜像创建并运行一个新容器")), r.out());
    Transcript.Result help = t.run("docker run --help");
    assertTrue(help.out().startsWith("\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
        + "Create and run a new container from an image\n"), help.out());
    assertTrue(help.out().contains("  -m, --memory bytes"), help.out());
  }
}
