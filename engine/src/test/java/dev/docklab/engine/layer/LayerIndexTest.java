package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.layer.LayerIndex.Entry;
import dev.docklab.engine.layer.LayerIndex.Kind;
import dev.docklab.engine.store.LayerFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-layer index: written when a layer is committed, read back as walked, rebuilt when missing or bad. */
class LayerIndexTest {
  private Path root;
  private LayerFiles layer;

  @BeforeEach
  void layer() throws Exception {
    root = Files.createTempDirectory("docklab-index-");
    layer = new LayerFiles(root.resolve("layer"));
    Path diff = Files.createDirectories(layer.diff());
    Files.createDirectories(diff.resolve("etc/conf.d"));
    Files.writeString(diff.resolve("etc/conf.d/a.conf"), "12345");
    Files.writeString(diff.resolve("etc/motd"), "hello\n");
    Files.writeString(diff.resolve("name with\nnewline and 中文"), "x");
    Files.createSymbolicLink(diff.resolve("link"), Path.of("etc/motd"));
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(root);
  }

  @Test
  void writtenIndexReadsBackAsTheWalkOfTheDiffDir() throws Exception {
    List<Entry> written = LayerIndex.write(layer);
    assertTrue(Files.isRegularFile(layer.index()), "the index lies beside the diff dir");
    assertEquals(LayerIndex.walk(layer.diff()), written);
    assertEquals(written, LayerIndex.read(layer));
    assertTrue(written.contains(new Entry("etc/conf.d/a.conf", Kind.FILE, 5)), written.toString());
    assertTrue(written.contains(new Entry("etc/conf.d", Kind.DIRECTORY, 0)), written.toString());
    assertTrue(written.contains(new Entry("link", Kind.SYMLINK, 0)), written.toString());
    assertTrue(written.contains(new Entry("name with\nnewline and 中文", Kind.FILE, 1)), written.toString());
    assertTrue(written.indexOf(new Entry("etc", Kind.DIRECTORY, 0))
        < written.indexOf(new Entry("etc/motd", Kind.FILE, 6)), "a directory comes before its contents");
  }

  @Test
  void aLayerWithoutAnIndexGetsOneOnFirstRead() throws Exception {
    assertFalse(Files.exists(layer.index()));
    List<Entry> entries = LayerIndex.read(layer);
    assertEquals(LayerIndex.walk(layer.diff()), entries);
    assertTrue(Files.isRegularFile(layer.index()), "written for the next read");
    try (Stream<Path> s = Files.list(layer.dir())) {
      assertEquals(List.of("diff", "index"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temp file left beside it");
    }
  }

  @Test
  void anIndexCutShortOrOfAnotherFormatIsRebuilt() throws Exception {
    byte[] whole = LayerIndex.encode(LayerIndex.walk(layer.diff()));
    for (byte[] bad : List.of(Arrays.copyOf(whole, whole.length - 3), new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
        new byte[0], Arrays.copyOf(whole, whole.length + 1))) {
      Files.write(layer.index(), bad);
      assertEquals(LayerIndex.walk(layer.diff()), LayerIndex.read(layer));
      assertArrayEquals(whole, Files.readAllBytes(layer.index()), "rewritten whole");
    }
  }

  @Test
  void aCommittedLayerHasItsIndex() throws Exception {
    byte[] tar = new TarBuilder(Instant.EPOCH).dir("app", 0755).file("app/hello", 0644, "hi")
        .symlink("app/greeting", "hello").toBytes();
    LayerStore store = new LayerStore(new Layout(root.resolve("data")), new NoopPosix());
    LayerStore.Unpacked unpacked = store.unpack(new ByteArrayInputStream(tar));
    LayerFiles files = new Layout(root.resolve("data")).layerFiles(unpacked.layer().diffId());
    assertTrue(Files.isRegularFile(files.index()), "written when the layer was committed");
    assertEquals(List.of(new Entry("app", Kind.DIRECTORY, 0), new Entry("app/greeting", Kind.SYMLINK, 0),
        new Entry("app/hello", Kind.FILE, 2)), LayerIndex.read(files).stream()
        .sorted((a, b) -> a.path().compareTo(b.path())).toList());
  }
}
