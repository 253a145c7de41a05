package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** save, load and export, checked against skopeo (a real peer that reads and writes these archives). */
class SaveLoadIT {
  static Transcript t;
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-save-"));
    dir = Files.createTempDirectory("docklab-archives-");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(dir);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private static String sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out;
  }

  @Test
  void skopeoReadsWhatDocklabSavesAndDocklabLoadsWhatSkopeoWrites() throws Exception {
    Path saved = dir.resolve("busybox.tar");
    Transcript.Result save = t.run("docker save -o " + saved + " busybox:latest");
    assertEquals(0, save.status(), save.err());
    String id = t.run("docker images -q busybox:latest").out().strip();
    String inspect = sh("skopeo", "inspect", "--config", "docker-archive:" + saved);
    assertTrue(inspect.contains("\"diff_ids\""), inspect);
    Path copied = dir.resolve("copied.tar");
    sh("skopeo", "copy", "-q", "docker-archive:" + saved, "docker-archive:" + copied + ":lesson/copied:v1");
    Path oci = dir.resolve("oci.tar");
    sh("skopeo", "copy", "-q", "docker-archive:" + saved, "oci-archive:" + oci + ":lesson/oci:v1");
    assertEquals("Loaded image: lesson/copied:v1\n", t.run("docker load -i " + copied).out());
    assertTrue(t.run("docker images -q lesson/copied:v1").out().startsWith(id), "the same config, the same id");
    Transcript.Result ociLoad = t.run("docker load -i " + oci);
    assertEquals(0, ociLoad.status(), ociLoad.err());
    assertEquals("hello\n", t.run("docker run --rm lesson/copied:v1 echo hello").out());
  }

  @Test
  void aNameAloneSavesEveryTagAndLoadReadsFromARedirection() throws Exception {
    Path all = dir.resolve("all-tags.tar");
    t.run("docker tag busybox busybox:lesson");
    assertEquals(0, t.run("docker save busybox > " + all).status());
    String manifest = sh("tar", "-xOf", all.toString(), "manifest.json");
    assertTrue(manifest.contains("\"busybox:lesson\"") && manifest.contains("\"busybox:latest\""), manifest);
    t.run("docker rmi busybox:lesson");
    Transcript.Result load = t.run("docker load < " + all);
    assertTrue(load.out().contains("Loaded image: busybox:lesson\n"), load.out() + load.err());
    t.run("docker rmi busybox:lesson");
  }

  @Test
  void olderArchivesWhoseLayersAreSymbolicLinksLoad() throws Exception {
    // older Docker wrote a layer once and linked its other uses to it
    Path saved = dir.resolve("linked.tar");
    t.run("docker save -o " + saved + " busybox:latest");
    Path x = Files.createDirectories(dir.resolve("linked"));
    sh("tar", "-xf", saved.toString(), "-C", x.toString());
    String manifest = Files.readString(x.resolve("manifest.json"));
    String first = manifest.substring(manifest.indexOf("\"Layers\"")).split("\"")[3];
    Files.createDirectories(x.resolve("alias"));
    Files.createSymbolicLink(x.resolve("alias/layer.tar"), Path.of("..").resolve(first));
    Files.writeString(x.resolve("manifest.json"), manifest.replace("\"" + first + "\"", "\"alias/layer.tar\"")
        .replace("busybox:latest", "linked:v1"));
    Path repacked = dir.resolve("repacked.tar");
    sh("tar", "-cf", repacked.toString(), "-C", x.toString(), ".");
    Transcript.Result load = t.run("docker load -i " + repacked);
    assertEquals("Loaded image: linked:v1\n", load.out(), load.err());
    assertEquals("ok\n", t.run("docker run --rm linked:v1 echo ok").out());
    t.run("docker rmi linked:v1");
    Files.delete(x.resolve("alias/layer.tar"));
    Files.createSymbolicLink(x.resolve("alias/layer.tar"), Path.of("../../../etc/passwd"));
    Path hostile = dir.resolve("hostile.tar");
    sh("tar", "-cf", hostile.toString(), "-C", x.toString(), ".");
    assertTrue(t.run("docker load -i " + hostile).err().contains("points outside the archive"));
  }

  @Test
  void loadRefusesATruncatedArchiveWithoutTouchingTheStore() throws Exception {
    Path saved = dir.resolve("full.tar");
    t.run("docker save -o " + saved + " busybox");
    byte[] all = Files.readAllBytes(saved);
    Path cut = dir.resolve("cut.tar");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    String before = t.run("docker images -q").out();
    Transcript.Result r = t.run("docker load -i " + cut);
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("Error response from daemon: invalid archive"), r.err());
    assertEquals(before, t.run("docker images -q").out());
  }

  @Test
  void exportWritesTheContainersWholeFilesystem() throws Exception {
    t.run("docker run --name ex1 busybox sh -c 'echo mine > /mine.txt; rm /bin/vi'");
    Path fs = dir.resolve("fs.tar");
    assertEquals(0, t.run("docker export -o " + fs + " ex1").status());
    String list = sh("tar", "tf", fs.toString());
    assertTrue(list.contains("mine.txt\n"), list);
    assertTrue(list.contains("bin/busybox\n"), "the image's files are there too");
    assertTrue(!list.contains("bin/vi\n"), "a deleted file is not");
    Transcript.Result imported = t.run("docker import " + fs + " flat:v1");
    assertEquals(0, imported.status(), imported.err());
    assertEquals("mine\n", t.run("docker run --rm flat:v1 /bin/cat /mine.txt").out());
    t.run("docker rm ex1");
  }
}
