package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docker cp} in the REPL both ways: files, directories, tar streams, stopped containers, symlinks, owners. */
class CopyIT {
  static Transcript t;
  static Path host;
  static Path outside;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-cp-"));
    host = Files.createTempDirectory("docklab-cp-host-");
    outside = Files.createTempDirectory("docklab-cp-outside-");
    Files.writeString(outside.resolve("secret.txt"), "host secret\n");
    t.run("docker run -d --name box busybox sleep 600");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(host);
    Trees.deleteRecursively(outside);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private static Transcript.Result in(String line) {
    return t.run("cd " + host + " && " + line);
  }

  @Test
  void aFileGoesInAndComesBackOut() throws Exception {
    Files.writeString(host.resolve("hello.txt"), "hello from the host\n");
    Transcript.Result r = in("docker cp hello.txt box:/tmp/");
    assertEquals(0, r.status(), r.err());
    assertEquals("hello from the host\n", t.run("docker exec box cat /tmp/hello.txt").out());
    assertEquals(0, in("docker cp box:/etc/hostname copied-hostname").status());
    assertEquals(t.run("docker exec box hostname").out(), Files.readString(host.resolve("copied-hostname")));
    Transcript.Result renamed = in("docker cp hello.txt box:/tmp/renamed.txt");
    assertEquals(0, renamed.status(), renamed.err());
    assertEquals("hello from the host\n", t.run("docker exec box cat /tmp/renamed.txt").out());
  }

  @Test
  void directoriesFollowDockersRules() throws Exception {
    t.run("docker exec box sh -c 'mkdir -p /data/sub && echo one > /data/one && echo two > /data/sub/two'");
    assertEquals(0, in("docker cp box:/data fresh").status());
    assertEquals("two\n", Files.readString(host.resolve("fresh/sub/two")), "a missing destination takes the dir's name");
    Files.createDirectories(host.resolve("existing"));
    assertEquals(0, in("docker cp box:/data existing").status());
    assertEquals("one\n", Files.readString(host.resolve("existing/data/one")), "copied into an existing directory");
    Files.createDirectories(host.resolve("contents"));
    assertEquals(0, in("docker cp box:/data/. contents").status());
    assertEquals("one\n", Files.readString(host.resolve("contents/one")), "/. copies the contents");
    Files.writeString(host.resolve("a-file"), "x");
    assertEquals("cannot copy directory\n", in("docker cp box:/data a-file").err());
    assertEquals("no such directory\n", in("docker cp box:/data/one nodir/").err().replace("stat ", ""));
    assertEquals("Error response from daemon: Could not find the file /nope in container box\n",
        in("docker cp box:/nope x").err());
    assertEquals("invalid output path: directory \"" + host.resolve("missing") + "\" does not exist\n",
        in("docker cp box:/data missing/x").err());
    Files.createDirectories(host.resolve("tree/inner"));
    Files.writeString(host.resolve("tree/inner/f.txt"), "deep\n");
    assertEquals(0, in("docker cp tree box:/tmp/tree2").status());
    assertEquals("deep\n", t.run("docker exec box cat /tmp/tree2/inner/f.txt").out());
    assertEquals("lstat " + host.resolve("absent") + ": no such file or directory\n", in("docker cp absent box:/tmp").err());
  }

  @Test
  void tarStreamsBothWays() throws Exception {
    t.run("docker exec box sh -c 'echo streamed > /tmp/s.txt'");
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    Transcript.Result r = t.run("docker cp box:/tmp/s.txt -");
    assertEquals(0, r.status(), r.err());
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(
        new ByteArrayInputStream(r.out().getBytes(StandardCharsets.ISO_8859_1)))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    assertEquals(List.of("s.txt"), names);
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      byte[] body = "from a tar\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("in-tar.txt");
      e.setSize(body.length);
      out.putArchiveEntry(e);
      out.write(body);
      out.closeArchiveEntry();
    }
    Transcript.Result put = t.run("docker cp - box:/tmp", tar.toByteArray());
    assertEquals(0, put.status(), put.err());
    assertEquals("from a tar\n", t.run("docker exec box cat /tmp/in-tar.txt").out());
    assertEquals("destination \"box:/tmp/in-tar.txt\" must be a directory\n",
        t.run("docker cp - box:/tmp/in-tar.txt", tar.toByteArray()).err());
  }

  @Test
  void aSymlinkToTheHostStaysInsideTheContainer() throws Exception {
    t.run("docker exec box ln -s " + outside + " /tmp/escape");
    t.run("docker exec box ln -s ../../../../../../.." + outside + " /tmp/escape2");
    Transcript.Result read = in("docker cp box:/tmp/escape/secret.txt stolen.txt");
    assertEquals("Error response from daemon: Could not find the file /tmp/escape/secret.txt in container box\n",
        read.err());
    assertFalse(Files.exists(host.resolve("stolen.txt")));
    assertEquals(1, in("docker cp box:/tmp/escape2/secret.txt stolen.txt").status());
    Files.writeString(host.resolve("planted.txt"), "planted\n");
    in("docker cp planted.txt box:/tmp/escape/");
    in("docker cp planted.txt box:/tmp/escape2/planted.txt");
    assertFalse(Files.exists(outside.resolve("planted.txt")), "nothing written outside the container's root");
    assertEquals(1, in("docker cp -L box:/tmp/escape2 linkcopy").status(), "the link leads nowhere inside");
    assertEquals(0, in("docker cp box:/tmp/escape linkitself").status());
    assertTrue(Files.isSymbolicLink(host.resolve("linkitself")), "without -L the link itself is copied");
  }

  @Test
  void stoppedContainersAreMountedForTheCopyOnly() throws Exception {
    t.run("docker create --name parked busybox true");
    Files.writeString(host.resolve("parked.txt"), "parked\n");
    assertEquals(0, in("docker cp parked.txt parked:/parked.txt").status());
    assertEquals(0, in("docker cp parked:/parked.txt back.txt").status());
    assertEquals("parked\n", Files.readString(host.resolve("back.txt")));
    String id = t.run("docker inspect -f '{{.Id}}' parked").out().strip();
    assertTrue(Mounts.under(t.root.resolve("containers/" + id)).isEmpty(), "nothing left mounted");
    assertTrue(t.run("docker diff parked").out().contains("A /parked.txt"));
  }

  @Test
  void ownersAreRootsUnlessArchiveMode() throws Exception {
    Path f = Files.writeString(host.resolve("owned.txt"), "owned\n");
    Files.setAttribute(f, "unix:uid", 1234);
    Files.setAttribute(f, "unix:gid", 4321);
    in("docker cp owned.txt box:/tmp/plain.txt");
    in("docker cp -a owned.txt box:/tmp/kept.txt");
    assertEquals("0:0\n", t.run("docker exec box stat -c %u:%g /tmp/plain.txt").out());
    assertEquals("1234:4321\n", t.run("docker exec box stat -c %u:%g /tmp/kept.txt").out());
  }

  @Test
  void aVolumesPathLandsInTheVolume() throws Exception {
    t.run("docker run -d --name withvol -v cpvol:/vol busybox sleep 600");
    Files.writeString(host.resolve("v.txt"), "in the volume\n");
    assertEquals(0, in("docker cp v.txt withvol:/vol/").status());
    assertEquals("in the volume\n", Files.readString(t.root.resolve("volumes/cpvol/_data/v.txt")));
    t.run("docker rm -f withvol");
    t.run("docker volume rm cpvol");
  }
}
