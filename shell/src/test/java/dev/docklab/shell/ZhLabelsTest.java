package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Confinement;
import dev.docklab.engine.api.CowEvent;
import dev.docklab.engine.api.DriverFacts;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.MountReport;
import dev.docklab.engine.api.NetworkFacts;
import dev.docklab.lessons.check.Verdict;
import dev.docklab.lessons.load.Course;
import dev.docklab.lessons.model.Lesson;
import dev.docklab.lessons.run.GoalReport;
import dev.docklab.lessons.run.Progress;
import dev.docklab.lessons.run.StepResult;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.explain.DriversView;
import dev.docklab.shell.explain.ExplainViews;
import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.lesson.LessonViews;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every explain view, the lesson views and help, rendered in Chinese from fixed facts: no English word of
 * docklab's own is left, only Docker's and Linux's terms (the allow-list), command names, paths, flags and ids.
 */
class ZhLabelsTest {
  private static final Messages ZH = new Messages(Messages.Lang.ZH);

  /** Docker's, Linux's and the tutorial's own words, which zh text keeps in English (see GLOSSARY.md). */
  private static final Set<String> DOCKER_WORDS = Set.of(
      "docker", "docklab", "Docker", "Dockerfile", "Hub", "overlayfs", "overlay", "overlay2", "vfs", "upperdir",
      "lowerdir", "workdir", "merged", "init", "copy-up", "copy-on-write", "whiteout", "opaque", "tar", "registry",
      "repo", "tag", "latest", "library", "mirror", "seccomp", "AppArmor", "apparmor_parser", "SCMP_ACT_ERRNO",
      "unconfined", "PID", "UnionFS", "union", "mount", "namespace", "netns", "veth", "eth0", "lo", "bridge",
      "DNAT", "INPUT", "OUTPUT", "PREROUTING", "portmap", "route_localnet", "localhost", "iptables", "ip", "addr",
      "link", "show", "master", "grep", "nat", "tcp", "dev", "via", "default", "proto", "kernel", "scope", "src",
      "host", "none", "CVE", "Linux", "VM", "Hypervisor", "GuestOS", "bootfs", "rootfs", "cgroup", "RSS", "PSS", "kB",
      "MB", "ms", "conmon", "runc", "ps", "sh", "sleep", "busybox", "web", "ID", "TEXT", "Ctrl", "Ctrl-D", "Ctrl-C",
      "zh", "en", "Seccomp", "status", "proc", "ns", "net", "vi", "bin", "etc", "COPY", "RUN", "rm", "dd", "if",
      "of", "zero", "big", "hello", "echo", "true", "resolve", "id", "API", "CLI", "C/S", "runtime", "OCI", "hub",
      "shell", "no-new-privileges", "docklab-default", "OOM", "GET", "HEAD", "Basic", "Bearer", "JSON", "Location",
      "bundle", "mvn", "package", "created", "running", "paused", "restarting", "removing", "exited", "dead",
      // storage drivers and what they are made of, the architecture's parts, signals and keys
      "AUFS", "Another", "btrfs", "devicemapper", "device-mapper", "extent", "thin", "pool", "xfs", "ext4", "Red",
      "Hat", "Ubuntu", "KB", "upper", "work", "HTTP", "Engine", "Java", "java", "REPL", "dockerd", "SIGTERM",
      "SIGKILL", "Tab", "registry-mirrors", "JShell",
      // resource limits' words, as Chinese texts on them keep them
      "CPU", "CFS", "IO", "IOPS", "Windows", "swappiness", "decimal", "uint",
      // docker --help's value names, and restart policies
      "list", "string", "int", "bytes", "no", "always", "unless-stopped", "on-failure",
      // host commands help names
      "mkdir", "cd", "ls", "cat", "apt-get", "containernetworking-plugins", "iproute2", "busybox-static", "CNI", "Debian", "ADD", "FROM", "scratch", "URL",
      // Dockerfile instructions and their words, --mount types, daemon.json's literals, host commands and users
      "HEALTHCHECK", "CMD", "ENTRYPOINT", "NONE", "bind", "false", "root", "sudo", "tr", "wc", "UID",
      // the namespaces and the network identity of run's flags (--uts, --ipc shareable|private, --dns, --mac-address)
      "DNS", "IP", "IPC", "MAC", "NIS", "UTS", "private", "shareable",
      // run's value names, streams, log drivers and options, health states (docker's own words)
      "duration", "gpu-request", "map", "GPU", "STDIN", "STDOUT", "STDERR", "json-file", "k8s-file", "local",
      "max-size", "max-file", "health-retries", "healthy", "unhealthy", "starting",
      // debootstrap, which docklab images add runs, and a Debian suite's name
      "debootstrap", "bookworm",
      // docker run's hardening flags: their value types and the kernel's words
      "ulimit", "sysctl", "tmpfs", "rlimit", "mknod", "rwm", "userns-remap", "pquota", "size",
      // the fixtures' names of images, containers, namespaces
      "app", "quiet", "alone", "hosty", "joined", "student", "mycat2", "busybox-ctr", "rnu");

  @TempDir
  Path workspace;

  @Test
  void everyViewInChineseHasNoEnglishLabelOfDocklabsOwn() {
    List<String> lines = new ArrayList<>();
    lines.addAll(explainViews());
    lines.addAll(lessonViews());
    lines.addAll(help());
    for (EngineMessage said : EngineMessage.values()) {
      lines.add(Said.of(EngineException.system(said, null, "/x", "/y", "/z"), ZH));
    }
    String all = String.join("\n", lines);
    for (String shown : List.of("“rnu”不是 docker 命令", "docklab 版本", "busybox-ctr", "tomcat/centos6.8:v9.0", "devicemapper：",
        "向 PID 1 发送 SIGTERM")) {
      assertTrue(all.contains(shown), "rendered: " + shown);
    }
    Set<String> english = new TreeSet<>();
    for (String line : lines) {
      english.addAll(englishOf(line).stream().map(w -> w + "   ← " + line.strip()).toList());
    }
    assertEquals(Set.of(), english, "English words in zh views (not Docker's terms, commands, paths or ids)");
  }

  /** The words of {@code line} that are English of docklab's own: not in the allow-list, not a path, flag or id. */
  static List<String> englishOf(String line) {
    List<String> out = new ArrayList<>();
    // a token is what lies between spaces, CJK text and CJK punctuation
    // a host command as typed (apt-get install PACKAGE), and Docker's own line before docklab's
    for (String token : line.replaceAll("apt-get install( --reinstall)?", " ").replaceAll("docker (container|builder) ", " ")
        .replaceAll("pull access denied for \\S+, repository does not exist", " ")
        .split("[\\s\\p{IsHan}，。、；：！？（）「」『』“”‘’《》【】…—]+")) {
      if (token.isEmpty() || token.matches(".*[/=:@.$\\[\\]{}|<>0-9_].*") || token.matches("[0-9a-f]{12,}")
          || LESSON_IDS.contains(token) || token.startsWith("-")
          || token.startsWith("'") || token.startsWith("\"") || token.startsWith("(")) {
        continue; // a path, an option, a flag, an id, a size, a quoted or bracketed command
      }
      Matcher w = Pattern.compile("[A-Za-z][A-Za-z'-]*").matcher(token);
      while (w.find()) {
        String word = w.group().replaceAll("['-]+$", "");
        if (word.length() > 1 && !DOCKER_WORDS.contains(word) && !COMMANDS.contains(word)) {
          out.add(word);
        }
      }
    }
    return out;
  }

  /** The bundled lessons' ids, which the course lists as typed. */
  private static final Set<String> LESSON_IDS = new TreeSet<>(Course.bundled().lessons().stream().map(Lesson::id).toList());

  @Test
  void theLabelsOnceLeftInEnglishAreFound() {
    assertEquals(List.of("container", "layer"), englishOf("▶  container layer (upperdir)          文件，10B"));
    assertEquals(List.of("what", "the", "container", "wrote"), englishOf("     what the container wrote"));
    assertEquals(List.of("the", "container's", "init", "layer").stream().filter(w -> !w.equals("init")).toList(),
        englishOf("     the container's init layer"));
    assertEquals(List.of("container"), englishOf("│  与之共享：busybox:1.35, container mycat2"));
    assertEquals(List.of("install", "it", "with"), englishOf("docklab: install it with apt-get install conmon"));
  }

  /** docker's and docklab's command names, which stay as typed. */
  private static final Set<String> COMMANDS = commands();

  private static Set<String> commands() {
    Set<String> names = new TreeSet<>();
    new DockerCli().commands().forEach(c -> names.addAll(List.of(c.name().split(" "))));
    names.removeAll(List.of("container", "builder")); // groups of prune, and words a zh line translates (容器, 构建器)
    new Builtins(new DockerCli(), (args, s) -> 0).all().forEach(b -> names.addAll(b.words()));
    names.addAll(List.of("explain", "layers", "file", "cow", "last", "boot", "vm", "arch", "name", "drivers", "class",
        "demo", "network", "off", "next", "record", "lessons", "lesson", "measure"));
    names.addAll(List.of("signal", "remove")); // steps of explain last, named as the engine names them
    return names;
  }

  private static List<String> explainViews() {
    List<String> out = new ArrayList<>();
    String a = "sha256:" + "1".repeat(64);
    LayerReport layers = new LayerReport("app", "sha256:" + "a".repeat(64), List.of(
        new LayerReport.Layer(a, Path.of("/var/lib/docklab/layers/1/diff"), 2_000_000, 290, 0, 0, "COPY busybox /",
            List.of(new LayerReport.Sharer("busybox:1.35", false), new LayerReport.Sharer("mycat2", true)))),
        2_000_000, 500_000, List.of(new LayerReport.Waste("/etc/big", 500_000, "RUN rm /etc/big")));
    out.addAll(ExplainViews.layers(layers, ZH));
    MountReport mount = new MountReport("web", true, "lowerdir=/l/init:/l/1,upperdir=/c/upper,workdir=/c/work",
        List.of(new MountReport.Lower(Path.of("/l/init"), MountReport.INIT, ""),
            new MountReport.Lower(Path.of("/l/1"), a, "COPY busybox /")),
        Path.of("/c/upper"), Path.of("/c/work"), Path.of("/c/merged"));
    out.addAll(ExplainViews.mount(mount, List.of(), ZH));
    out.addAll(ExplainViews.mount(new MountReport("web", false, mount.options(), mount.lowers(), mount.upper(),
        mount.work(), mount.merged()), List.of(), ZH));
    for (String kind : List.of("FILE", "DIR", "LINK", "WHITEOUT", "OPAQUE")) {
      out.addAll(ExplainViews.file(new FileReport("web", "/bin/vi", List.of(
          new FileReport.Entry("upperdir", "", kind, 10, FileReport.Source.CONTAINER),
          new FileReport.Entry("init", "", "NONE", 0, FileReport.Source.INIT),
          new FileReport.Entry("6988212e4ea9", "COPY busybox /", "FILE", 10))), ZH));
    }
    out.addAll(ExplainViews.file(new FileReport("web", "/nope", List.of(
        new FileReport.Entry("upperdir", "", "NONE", 0, FileReport.Source.CONTAINER))), ZH));
    out.addAll(ExplainViews.trace("docker run busybox true", List.of(
        new EngineEvent(EventStep.RESOLVE, "busybox", "sha256:abc", Duration.ofMillis(2)),
        new EngineEvent(EventStep.MOUNT, "id", "lowerdir=/a,upperdir=/b", Duration.ofMillis(3))), ZH));
    out.addAll(ExplainViews.trace("", List.of(), ZH));
    ImageReference ref = ImageReference.parse("student/hello:v1");
    out.addAll(ExplainViews.name("student/hello:v1", ref, List.of(
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "mirror"},
        new String[] {"https://registry-1.docker.io/v2/student/hello/", "own"}),
        new String[] {"http://127.0.0.1:5000/v2/student/hello/", "hub"}, ZH));
    out.addAll(ExplainViews.name("busybox", ImageReference.parse("busybox"), ZH));
    Confinement confined = new Confinement(2, 406, "SCMP_ACT_ERRNO", "/usr/share/containers/seccomp.json", false,
        null);
    out.addAll(ExplainViews.boot(new BootFacts("web", "6.18.0", "6.18.0", 0, "sleep 60", 4242, "/ / overlay", 27,
        false, confined), ZH));
    out.addAll(ExplainViews.boot(new BootFacts("web", "6.18.0", "6.1.0", 0, "sleep 60", 4242, "/ / overlay", 27,
        true, new Confinement(0, 0, "", "unconfined", true, "docklab-default")), ZH));
    out.addAll(ExplainViews.vm(120, 1444, 1940, "sleep 30", 5, 1, "6.18.0", ZH));
    NetworkFacts web = new NetworkFacts("web", "bridge", "/run/netns/docklab-7246e4935ba5",
        List.of("lo 127.0.0.1/8", "eth0 172.17.0.2/16"), List.of("default via 172.17.0.1 dev eth0 "),
        "veth6cf1adb9", "docklab0", "172.17.0.1/16", List.of("0.0.0.0:8080->80/tcp"),
        List.of("-A CNI-DN-013c -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
    out.addAll(ExplainViews.network(web, ZH));
    out.addAll(ExplainViews.network(new NetworkFacts("quiet", "bridge", "/run/netns/docklab-9bdc29a6aca1",
        web.interfaces(), web.routes(), "veth1", "docklab0", "172.17.0.1/16", List.of(), List.of()), ZH));
    out.addAll(ExplainViews.network(new NetworkFacts("alone", "none", "/proc/9406/ns/net",
        List.of("lo 127.0.0.1/8"), List.of(), "", "", "", List.of(), List.of()), ZH));
    out.addAll(ExplainViews.network(new NetworkFacts("hosty", "host", "", List.of(), List.of(), "", "", "",
        List.of(), List.of()), ZH));
    out.addAll(ExplainViews.network(new NetworkFacts("joined", "container:0123456789abcdef", "/proc/1/ns/net",
        List.of("lo 127.0.0.1/8"), List.of(), "", "", "", List.of(), List.of()), ZH));
    for (String kind : List.of("COPY_UP", "NEW", "DELETE", "OPAQUE")) {
      out.addAll(ExplainViews.cowLines(new CowEvent(kind, "/etc/passwd", 10, "6988212e4ea9"), "  ", ZH, 80));
    }
    for (String state : List.of("here", "elsewhere", "on-demand")) {
      out.addAll(ExplainViews.arch(4242, 2, "runc", "6.18.0", "127.0.0.1:5000", state,
          state.equals("elsewhere") ? List.of("https://mirror.example.com") : List.of(), state.equals("here"), ZH, 80));
    }
    out.addAll(DriversView.lines(new DriverFacts("overlay2", List.of("overlay", "btrfs"), new DriverFacts.Measured(
        "busybox", 1, 2_000_000, 0, Duration.ofMillis(2), 2_000_000, Duration.ofMillis(60))), ZH, 80));
    out.addAll(DriversView.lines(new DriverFacts("vfs", List.of(), null), ZH, 80));
    out.add(ZH.get("explain.vm.not-running", "sleep 30"));
    for (String key : List.of("title", "first", "second", "second-more", "timed", "lesson", "write-failed", "untimed")) {
      out.add(ZH.get("explain.cow.demo." + key, "0.3", "2B"));
    }
    out.addAll(ExplainViews.trace("docker stop web", List.of(
        EngineEvent.said(EventStep.SIGNAL, "a".repeat(64), Duration.ZERO, EngineMessage.EVENT_SIGNAL, "TERM", "runc"),
        EngineEvent.said(EventStep.EXIT, "a".repeat(64), Duration.ZERO, EngineMessage.EVENT_EXIT, 0),
        new EngineEvent(EventStep.REMOVE, "a".repeat(64), "/var/lib/docklab/containers/a", Duration.ZERO)), ZH));
    return out;
  }

  private static List<String> lessonViews() {
    List<String> out = new ArrayList<>();
    Course course = Course.bundled();
    out.addAll(LessonViews.course(course.lessons(), Progress.EMPTY, null, ZH, 80));
    Lesson light = course.find("light");
    out.addAll(LessonViews.start(light, 1, course.lessons().size(), ZH, 80));
    out.addAll(LessonViews.resume(light, 1, 1, ZH, 80));
    var step = light.steps().get(1);
    out.addAll(LessonViews.goal(light, 1, new GoalReport(List.of(
        new GoalReport.Line(step.checks().get(0), Verdict.by("c1")),
        new GoalReport.Line(step.checks().get(1), Verdict.NO))), ZH, 80));
    out.addAll(LessonViews.passed(light, new StepResult(3, 4, 3, true, null, true), 1, ZH, 80));
    out.addAll(LessonViews.passed(light, new StepResult(1, 1, 1, false, "explain last", false), 1, ZH, 80));
    out.addAll(LessonViews.done(light, 1, ZH, 80));
    return out;
  }

  private List<String> help() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Session s = new Session(() -> {
      throw new AssertionError("help needs no engine");
    }, print, print, InputStream.nullInputStream(), ZH, Session.Foreground.NONE);
    s.state().setWorkspace(workspace);
    Builtins builtins = new Builtins(new DockerCli(), (args, x) -> 0);
    builtins.find("help").run(List.of(), s);
    builtins.find("help").run(List.of("run"), s);
    builtins.find("help").run(List.of("pull"), s);
    builtins.find("help").run(List.of("explain"), s);
    new DockerCli().execute(List.of("--version"), s);
    ExplainCommand.run(List.of(), s);
    ExplainCommand.run(List.of("docker", "run", "-d", "-p", "8080:80", "--name", "web", "web"), s);
    ExplainCommand.run(List.of("docker", "commit", "busybox-ctr", "tomcat/centos6.8:v9.0"), s);
    ExplainCommand.run(List.of("docker", "search", "--filter", "stars=3", "busybox"), s);
    ExplainCommand.run(List.of("docker", "rnu"), s);
    // Docker's own headings of docker CMD --help (Usage:, Options:) stay in Docker's English
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("Usage:") && !l.equals("Options:"))
        .toList();
  }
}
