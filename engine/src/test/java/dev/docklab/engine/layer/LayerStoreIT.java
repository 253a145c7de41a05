package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerStoreIT {
  private Path root;

  @BeforeEach
  void dir() throws Exception {
    root = Files.createTempDirectory("docklab-layers-");
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(root);
  }

  @Test
  void unpacksOnceAndSharesTheLayerWhetherGzipOrNot() throws Exception {
    byte[] tar = new TarBuilder(Instant.EPOCH).dir("app", 0755).file("app/hello", 0644, "hi").toBytes();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar);
    }
    LayerStore store = new LayerStore(new Layout(root), Posix.host());
    LayerStore.Unpacked first = store.unpack(new ByteArrayInputStream(tar));
    LayerStore.Unpacked second = store.unpack(new ByteArrayInputStream(gz.toByteArray()));
    assertEquals(Sha256.of(tar), first.layer().diffId(), "the diff id is the digest of the plain tar");
    assertTrue(first.created());
    assertFalse(second.created(), "the same content is not stored twice");
    assertEquals(first.layer().diff(), second.layer().diff());
    assertEquals("hi", Files.readString(first.layer().diff().resolve("app/hello")));
    assertEquals(2, first.layer().size());
    try (Stream<Path> s = Files.list(root.resolve("layers"))) {
      assertEquals(1, s.count(), "one layer dir, no temp dirs left");
    }
  }

  /** A gzip layer of many files, cut short or with bytes flipped half-way: refused, with nothing left. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"flipped", "truncated"})
  void aGzipCorruptHalfWayLeavesNothing(String how) throws Exception {
    TarBuilder many = new TarBuilder(Instant.EPOCH).dir("d", 0755);
    Random random = new Random(17);
    for (int i = 0; i < 400; i++) {
      byte[] body = new byte[8192];
      random.nextBytes(body);
      many.file("d/f" + i, 0644, body);
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(many.toBytes());
    }
    byte[] blob = gz.toByteArray();
    if (how.equals("flipped")) {
      for (int i = blob.length / 2; i < blob.length / 2 + 64; i++) {
        blob[i] ^= (byte) 0x5a;
      }
    } else {
      blob = Arrays.copyOf(blob, blob.length / 2);
    }
    LayerStore store = new LayerStore(new Layout(root), Posix.host());
    byte[] corrupt = blob;

    assertThrows(EngineException.class, () -> store.unpack(new ByteArrayInputStream(corrupt)));

    try (Stream<Path> s = Files.list(root.resolve("layers"))) {
      assertEquals(List.of(), s.toList(), "no staged layer is left");
    }
    assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(n -> n.startsWith("docklab-unpack") || n.startsWith("docklab-inflate")).toList(),
        "no thread of the unpack is left");
  }

  @Test
  void onExt4TheLayersAreSpreadAsTheRootsDirectoriesAre() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(root).type().equals("ext4"),
        "the top-directory flag is ext4's");
    LayerStore store = new LayerStore(new Layout(root), Posix.host());
    store.unpack(new ByteArrayInputStream(new TarBuilder(Instant.EPOCH).file("f", 0644, "x").toBytes()));
    Process lsattr = new ProcessBuilder("lsattr", "-d", root.resolve("layers").toString())
        .redirectErrorStream(true).start();
    String flags = new String(lsattr.getInputStream().readAllBytes()).split(" ")[0];
    assertEquals(0, lsattr.waitFor(), flags);
    assertTrue(flags.contains("T"), "chattr +T on layers/: " + flags);
  }

  @Test
  void fullDiskLeavesTheStoreAsItWas() throws Exception {
    Path small = Files.createDirectory(root.resolve("small"));
    Posix.host().mount("tmpfs", small, "tmpfs", 0, "size=512k");
    try {
      LayerStore store = new LayerStore(new Layout(small), Posix.host());
      byte[] ok = new TarBuilder(Instant.EPOCH).file("small", 0644, "x").toBytes();
      store.unpack(new ByteArrayInputStream(ok));
      byte[] big = new TarBuilder(Instant.EPOCH).file("big", 0644, new byte[2 * 1024 * 1024]).toBytes();
      EngineException e = assertThrows(EngineException.class, () -> store.unpack(new ByteArrayInputStream(big)));
      assertTrue(e.getMessage().startsWith("could not unpack layer: no space left on device"), e.getMessage());
      try (Stream<Path> s = Files.list(small.resolve("layers"))) {
        assertEquals(1, s.count(), "only the earlier layer: the half-written one is gone");
      }
      assertTrue(store.has(Sha256.of(ok)));
    } finally {
      Posix.host().umount(small, 0);
    }
  }

  @Test
  void layersOfOlderDataRootsAreUsedOnlyWhenTheirFilesAddUp() throws Exception {
    TarBuilder whole = new TarBuilder(Instant.EPOCH).dir("w", 0755);
    TarBuilder half = new TarBuilder(Instant.EPOCH).dir("h", 0755);
    for (int i = 0; i < 20; i++) {
      whole.file("w/f" + i, 0644, "whole " + i);
      half.file("h/f" + i, 0644, "half " + i);
    }
    byte[] wholeTar = whole.toBytes();
    byte[] halfTar = half.toBytes();
    Layout layout = new Layout(root);
    LayerStore store = new LayerStore(layout, Posix.host());
    Digest w = store.unpack(new ByteArrayInputStream(wholeTar)).layer().diffId();
    Digest h = store.unpack(new ByteArrayInputStream(halfTar)).layer().diffId();
    // as an older docklab left them: no completeness mark, and one half deleted by a crash in rmi
    Files.delete(layout.layerFiles(w).complete());
    Files.delete(layout.layerFiles(h).complete());
    for (int i = 0; i < 10; i++) {
      Files.delete(layout.layerDiff(h).resolve("h/f" + i));
    }
    store.recover();
    assertTrue(store.has(w), "a whole layer of an older data root is kept in use");
    assertFalse(store.has(h), "a half-deleted one is never used");
    LayerStore.Unpacked again = store.unpack(new ByteArrayInputStream(halfTar));
    assertTrue(again.created(), "unpacked again, not reused");
    try (Stream<Path> s = Files.list(layout.layerDiff(h).resolve("h"))) {
      assertEquals(20, s.count());
    }
    assertFalse(Files.exists(layout.trash()) && Files.list(layout.trash()).findAny().isPresent(), "the trash is empty");
  }

  @Test
  void aDeletedLayerLeavesTheStoreAtOnce() throws Exception {
    Layout layout = new Layout(root);
    LayerStore store = new LayerStore(layout, Posix.host());
    Digest d = store.unpack(new ByteArrayInputStream(new TarBuilder(Instant.EPOCH).file("a", 0644, "a").toBytes()))
        .layer().diffId();
    store.delete(d);
    assertFalse(store.has(d));
    assertFalse(Files.exists(layout.layerDir(d)));
    assertEquals(List.of(), store.list());
  }
}
