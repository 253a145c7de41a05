package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real docker CLI's {@code docker cp} against docklab's daemon: both ways, tar streams, a stopped container. */
class DockerCopyIT {
  static DaemonFixture f;
  static DockerCli docker;
  static Path outside;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    f = DaemonFixture.start();
    docker = f.docker;
    outside = Files.createTempDirectory("docklab-cp-outside-");
    Files.writeString(outside.resolve("secret.txt"), "host secret\n");
    assertEquals(0, docker.run("run", "-d", "--name", "box", "busybox", "sleep", "600").status());
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
    if (outside != null) {
      for (Path p : List.of(outside.resolve("secret.txt"), outside.resolve("planted.txt"), outside)) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void filesAndDirectoriesGoBothWays() throws Exception {
    Path file = Files.writeString(f.work.resolve("hello.txt"), "hello from the host\n");
    DockerCli.Result in = docker.run("cp", file.toString(), "box:/tmp/");
    assertEquals(0, in.status(), in.err());
    assertEquals("hello from the host\n", docker.run("exec", "box", "cat", "/tmp/hello.txt").out());
    docker.run("exec", "box", "sh", "-c", "mkdir -p /data/sub && echo two > /data/sub/two");
    Path out = f.work.resolve("fromctr");
    DockerCli.Result dir = docker.run("cp", "box:/data", out.toString());
    assertEquals(0, dir.status(), dir.err());
    assertEquals("two\n", Files.readString(out.resolve("sub/two")));
    DockerCli.Result missing = docker.run("cp", "box:/nope", out.toString());
    assertEquals(1, missing.status());
    assertEquals("Error response from daemon: Could not find the file /nope in container box\n", missing.err());
  }

  @Test
  void tarStreamsBothWays() throws Exception {
    docker.run("exec", "box", "sh", "-c", "echo streamed > /tmp/s.txt");
    Process get = new ProcessBuilder(docker.command("cp", "box:/tmp/s.txt", "-")).start();
    byte[] tar = get.getInputStream().readAllBytes();
    assertTrue(get.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, get.exitValue());
    assertEquals(List.of("s.txt"), names(tar));
    ByteArrayOutputStream made = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(made)) {
      byte[] body = "from a tar\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("in-tar.txt");
      e.setSize(body.length);
      t.putArchiveEntry(e);
      t.write(body);
      t.closeArchiveEntry();
    }
    Path tarFile = Files.write(f.work.resolve("in.tar"), made.toByteArray());
    Process put = new ProcessBuilder(docker.command("cp", "-", "box:/tmp")).redirectInput(tarFile.toFile())
        .redirectErrorStream(true).start();
    String said = new String(put.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(put.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, put.exitValue(), said);
    assertEquals("from a tar\n", docker.run("exec", "box", "cat", "/tmp/in-tar.txt").out());
  }

  @Test
  void aSymlinkOutOfTheRootGoesNowhere() throws Exception {
    docker.run("exec", "box", "ln", "-s", outside.toString(), "/tmp/escape");
    DockerCli.Result read = docker.run("cp", "box:/tmp/escape/secret.txt", f.work.resolve("stolen").toString());
    assertEquals(1, read.status());
    assertFalse(Files.exists(f.work.resolve("stolen")));
    Path planted = Files.writeString(f.work.resolve("planted.txt"), "planted\n");
    docker.run("cp", planted.toString(), "box:/tmp/escape/");
    assertFalse(Files.exists(outside.resolve("planted.txt")), "nothing written outside the container");
  }

  @Test
  void aStoppedContainerAndOwners() throws Exception {
    assertEquals(0, docker.run("create", "--name", "parked", "busybox", "true").status());
    Path file = Files.writeString(f.work.resolve("owned.txt"), "owned\n");
    Files.setAttribute(file, "unix:uid", 1234);
    Files.setAttribute(file, "unix:gid", 4321);
    DockerCli.Result plain = docker.run("cp", file.toString(), "parked:/plain.txt");
    assertEquals(0, plain.status(), plain.err());
    assertEquals(0, docker.run("cp", "-a", file.toString(), "parked:/kept.txt").status());
    Path back = f.work.resolve("back.txt");
    assertEquals(0, docker.run("cp", "parked:/plain.txt", back.toString()).status());
    assertEquals("owned\n", Files.readString(back));
    Process get = new ProcessBuilder(docker.command("cp", "parked:/", "-")).start();
    List<TarArchiveEntry> entries = entries(get.getInputStream().readAllBytes());
    get.waitFor(30, TimeUnit.SECONDS);
    assertEquals("0:0", owner(entries, "plain.txt"));
    assertEquals("1234:4321", owner(entries, "kept.txt"));
    String id = docker.run("inspect", "-f", "{{.Id}}", "parked").out().strip();
    assertTrue(Files.readAllLines(Path.of("/proc/mounts")).stream().noneMatch(l -> l.contains(id)),
        "the stopped container's root is unmounted after the copy");
  }

  private static String owner(List<TarArchiveEntry> entries, String base) {
    return entries.stream().filter(e -> e.getName().endsWith("/" + base) || e.getName().equals(base))
        .map(e -> e.getLongUserId() + ":" + e.getLongGroupId()).findFirst().orElse("missing");
  }

  private static List<String> names(byte[] tar) throws Exception {
    return entries(tar).stream().map(TarArchiveEntry::getName).toList();
  }

  private static List<TarArchiveEntry> entries(byte[] tar) throws Exception {
    List<TarArchiveEntry> out = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.add(e);
      }
    }
    return out;
  }
}
