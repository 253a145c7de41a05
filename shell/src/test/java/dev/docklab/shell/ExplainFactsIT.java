package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.Text;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts the explain views state, checked against what the real engine and kernel do. */
class ExplainFactsIT {
  static Transcript t;
  static int hubPort;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-explain-"));
    try (ServerSocket s = new ServerSocket(0)) {
      hubPort = s.getLocalPort();
    }
    Files.writeString(t.root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + hubPort + "\"}");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void fileUnderAnOpaqueDirectoryIsHiddenAsTheContainerSeesIt() {
    t.run("docker run -d --name opq busybox sleep 60");
    try {
      assertEquals(0, t.run("docker exec opq ls -d /var/www").status(), "the base layer has /var/www");
      assertTrue(t.run("explain file opq /var/www").out().contains("comes from "));
      t.run("docker exec opq sh -c 'rm -rf /var && mkdir /var'");
      assertEquals(1, t.run("docker exec opq ls -d /var/www").status(), "the container cannot see it now");
      String file = t.run("explain file opq /var/www").out();
      assertTrue(file.startsWith("/var/www in container opq\n  cannot be seen: /var in container layer (upperdir) is"
          + " an opaque directory"), file);
      assertTrue(file.contains("▶  container layer (upperdir)  /var: opaque directory, hides all below\n"), file);
      assertTrue(!file.contains("comes from"), file);
      t.run("docker exec opq rm -rf /var");
      String gone = t.run("explain file opq /var/www").out();
      assertTrue(gone.startsWith("/var/www in container opq\n  cannot be seen: /var was deleted in container layer"),
          gone);
    } finally {
      t.run("docker rm -f opq");
    }
  }

  @Test
  void cowDemoTimesTheWriteAloneAndCopiesNothingTheSecondTime() {
    String demo = t.run("explain cow demo").out();
    List<String> lines = demo.lines().toList();
    String first = lines.stream().filter(l -> l.startsWith("  first write:")).findFirst().orElseThrow();
    String second = lines.stream().filter(l -> l.startsWith("  second write:")).findFirst().orElseThrow();
    assertTrue(first.matches("  first write: +\\d+\\.\\d ms, read-write layer holds 21MB: the whole file, copied up"),
        demo);
    assertTrue(second.matches("  second write: \\d+\\.\\d ms, nothing copied: the file is already up; it grew by 2B"),
        demo);
    double ms = Double.parseDouble(second.replaceAll("  second write: ([0-9.]+) ms.*", "$1"));
    assertTrue(ms < 20, "an append to a file already up is not a process start: " + demo);
    assertTrue(demo.contains("(each write timed alone, inside the container, by its shell: no process start)\n"), demo);
    for (String l : lines) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
    assertEquals("", t.run("docker images -q --filter dangling=true").out(), "the demo removes its image");
  }

  @Test
  void archDrawsTheHubWhereDaemonJsonPutsItAndWhetherItRuns() throws Exception {
    String idle = t.run("explain arch").out().replaceAll("\n +", " ");
    assertTrue(idle.contains("engine ── HTTP ──▶ docklab's hub: http://127.0.0.1:" + hubPort + " (daemon.json \"hub\")"),
        idle);
    assertTrue(idle.contains("not running now: this process starts it when a pull, push, search or login first needs"
        + " it"), idle);
    assertTrue(idle.contains("It plays Docker Hub: it is a registry mirror in daemon.json's registry-mirrors"), idle);
    assertTrue(!idle.contains("none yet"), idle);
    String serving = t.run("docker search busybox > /dev/null; explain arch").out().replaceAll("\n +", " ");
    assertTrue(serving.contains("running now, in this process (started when a pull, push, search or login first"
        + " needed it)"), serving);
    try (ServerSocket other = new ServerSocket(hubPort)) {
      String elsewhere = t.run("explain arch").out().replaceAll("\n +", " ");
      assertTrue(elsewhere.contains("answering now, from another process (as when docklab registry serves it"
          + " alone)"), elsewhere);
    }
    for (String l : t.run("lang zh; explain arch").out().lines().toList()) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
  }

  @Test
  void vmMeasuresTheSameIdleMemoryEachTimeAndSaysHow() {
    List<Long> reads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String vm = t.run("explain vm").out().replaceAll("\n +", " ");
      Matcher m = Pattern.compile("memory of an idle container: (\\d+) kB for its process \\(sleep 30\\), (\\d+) kB "
          + "for its monitor \\(conmon\\) \\(PSS: ").matcher(vm);
      assertTrue(m.find(), vm);
      reads.add(Long.parseLong(m.group(1)));
      assertTrue(Long.parseLong(m.group(2)) > 0, vm);
    }
    long min = reads.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = reads.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertTrue(min > 0 && max - min <= Math.max(64, min / 4), "idle sleep 30 measured " + reads);
  }

  @Test
  void mountShowsTheVolumesThatBypassTheContainerLayerAndOneIdLength() throws Exception {
    Path host = Files.createTempDirectory("docklab-explain-bind-");
    t.run("docker run -d --name vols -v explainvol:/data -v " + host + ":/host:ro busybox sleep 60");
    try {
      String id = t.run("docker inspect -f '{{.Id}}' vols").out().strip();
      String source = t.root.resolve("volumes/explainvol/_data").toString();
      List<String> lines = t.run("explain mount vols").out().lines().toList();
      for (String l : lines) {
        if (l.contains(id.substring(0, 3))) {
          assertTrue(l.contains(id.substring(0, 12) + "…/"), "one id, one length: " + l);
        }
      }
      int at = lines.indexOf("Volumes and bind mounts (-v), mounted over the container's / at their paths:");
      assertTrue(at > 0, lines.toString());
      assertEquals(List.of("  /data  volume explainvol, kept by docklab in:", "    " + source,
          "  /host (ro)  bind mount of the host's directory:", "    " + host), lines.subList(at + 1, at + 5), source);
      assertTrue(String.join(" ", lines).contains("it bypasses the container layer, so docker commit leaves it out"));
      t.run("docker exec vols sh -c 'echo kept > /data/f'");
      assertEquals("kept\n", Files.readString(Path.of(source, "f")), "the write went to the volume");
      t.run("docker commit vols explain-vols:v1");
      assertEquals("", t.run("docker run --rm explain-vols:v1 ls /data").out(), "commit left the volume's file out");
      for (String l : t.run("lang zh; explain mount vols").out().lines().toList()) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    } finally {
      t.run("docker rm -f vols; docker rmi explain-vols:v1; docker volume rm explainvol");
      Files.deleteIfExists(host);
    }
  }

  @Test
  void mountUnderVfsMeasuresTheFullCopyAgainstTheLayers() throws Exception {
    Path root = Files.createTempDirectory("docklab-explain-vfs-");
    try {
      vfs(root, "docker run -d --name v1 busybox sleep 60");
      String out = vfs(root, "explain mount v1");
      String text = out.replaceAll("\\s+", " ");
      assertTrue(text.startsWith("Container v1 runs on the vfs storage driver: no union mount."), out);
      assertTrue(!out.contains("no union mount to show"), out);
      Matcher m = Pattern.compile("disk use now: ([0-9.]+[kM]B), every file").matcher(text);
      assertTrue(m.find(), out);
      String id = vfs(root, "docker inspect -f '{{.Id}}' v1").strip();
      long copy = Trees.size(root.resolve("containers").resolve(id).resolve("rootfs"));
      assertEquals(Human.size(copy), m.group(1), "the copy's size, measured");
      assertTrue(copy > 1_000_000, "busybox's layers, copied whole: " + copy);
      assertTrue(text.contains("Against overlay2: there the layers ("), out);
      for (String l : out.lines().toList()) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    } finally {
      vfs(root, "docker rm -f v1");
      assertTrue(Mounts.under(root).isEmpty());
      Trees.deleteRecursively(root);
    }
  }

  /** Runs {@code line} as {@code docklab --storage-driver vfs -c LINE} on {@code root}; returns what it printed. */
  private static String vfs(Path root, String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"--data-root", root.toString(), "--storage-driver", "vfs", "--lang", "en", "-c", line},
        InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()));
    return out.toString(StandardCharsets.UTF_8);
  }
}
