package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A docklab killed (SIGKILL, at a chosen point) half-way through deleting a layer in docker rmi, on a
 * filesystem that lists a directory in creation order (ext4 without dir_index, so diff/ comes before
 * layer.json): loading the image again must give the whole image, not reuse the half-deleted layer.
 */
class CrashedDeleteIT {
  private static final int FILES = 3000;
  private Path base;
  private Path mount;
  private Path root;
  private Path archive;
  private String diffHex;

  private static String sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out;
  }

  @BeforeEach
  void setUp() throws Exception {
    base = Files.createTempDirectory("docklab-crashed-delete-");
    Path image = base.resolve("ext4.img");
    sh("truncate", "-s", "512M", image.toString());
    sh("mkfs.ext4", "-q", "-F", "-O", "^dir_index", image.toString());
    mount = Files.createDirectory(base.resolve("mnt"));
    sh("mount", "-o", "loop", image.toString(), mount.toString());
    root = mount.resolve("root");
    archive = base.resolve("many.tar");
    writeArchive(archive);
  }

  @AfterEach
  void tearDown() throws Exception {
    new Transcript(root).destroy();
    assertTrue(Mounts.under(root).isEmpty());
    sh("umount", mount.toString());
    Trees.deleteRecursively(base);
  }

  /** A docker-archive of one image, many:1, whose one layer holds {@code FILES} small files. */
  private void writeArchive(Path file) throws Exception {
    ByteArrayOutputStream layer = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(layer)) {
      tar.putArchiveEntry(new TarArchiveEntry("data/"));
      tar.closeArchiveEntry();
      for (int i = 0; i < FILES; i++) {
        put(tar, "data/f" + i, ("file " + i).getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] layerTar = layer.toByteArray();
    diffHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layerTar));
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/data/f1\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + diffHex + "\"]}}";
    String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"many:1\"],\"Layers\":[\"" + diffHex
        + "/layer.tar\"]}]";
    try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      put(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      put(tar, "config.json", config.getBytes(StandardCharsets.UTF_8));
      put(tar, diffHex + "/layer.tar", layerTar);
    }
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /** Runs {@code docklab -c LINE} as its own process, with Java options; returns its exit status. */
  private int docklab(String line, String... javaOptions) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(List.of(javaOptions));
    cmd.addAll(List.of("-jar", Path.of("target/docklab.jar").toAbsolutePath().toString(), "--data-root",
        root.toString(), "--lang", "en", "-c", line));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(base.resolve("out.txt").toFile())
        .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "docklab did not end: " + line);
    return p.exitValue();
  }

  private long filesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aKillHalfWayThroughAnRmiNeverLeavesAHalfLayerToReuse() throws Exception {
    assertEquals(0, docklab("docker load -i " + archive), Files.readString(base.resolve("out.txt")));
    Path layer = root.resolve("layers").resolve(diffHex);
    assertEquals(FILES, filesIn(layer.resolve("diff")));

    int status = docklab("docker rmi many:1", "-Ddocklab.crash-at=tree-delete:1000");
    assertEquals(137, status, "killed by SIGKILL half-way: " + Files.readString(base.resolve("out.txt")));

    assertEquals(0, docklab("docker load -i " + archive), Files.readString(base.resolve("out.txt")));
    assertEquals("Loaded image: many:1\n", Files.readString(base.resolve("out.txt")));
    assertEquals(FILES, filesIn(layer.resolve("diff")), "the image has every file of its layer");
    assertEquals(0, docklab("docker images -q many:1"));
    assertFalse(filesIn(root.resolve("trash")) > 0, "what the killed rmi was deleting is gone");
  }
}
