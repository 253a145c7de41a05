package dev.docklab.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gzip layer whose trailer (CRC-32) is wrong is refused wherever it comes in (docker load, docker
 * import, a pulled blob), and leaves nothing in layers/: it is unpacked into a temp directory that is
 * thrown away, not renamed into place before the trailer is read.
 */
class CorruptLayerIT {
  private Path root;
  private Layout layout;
  private BlobStore blobs;
  private LayerStore layers;
  private ImageStore images;
  private byte[] plain;
  private byte[] corrupt;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("docklab-corrupt-");
    layout = new Layout(root);
    blobs = new BlobStore(layout);
    layers = new LayerStore(layout, Posix.host());
    images = new ImageStore(layout, blobs, layers);
    TarBuilder tar = new TarBuilder(Instant.EPOCH).dir("data", 0755);
    for (int i = 0; i < 200; i++) {
      tar.file("data/f" + i, 0644, "file " + i);
    }
    plain = tar.toBytes();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    corrupt = gz.toByteArray();
    corrupt[corrupt.length - 8] ^= 0x5a; // the trailer's CRC-32: every byte of the tar is intact
  }

  @AfterEach
  void clean() throws IOException {
    Trees.deleteRecursively(root);
  }

  /** Nothing in layers/ (no layer, no temp dir), after giving a late writer time to show itself. */
  private void assertNoLayerLeft() throws Exception {
    Thread.sleep(1000);
    if (Files.isDirectory(layout.layers())) {
      try (Stream<Path> s = Files.list(layout.layers())) {
        assertEquals(List.of(), s.toList(), "nothing left in layers/");
      }
    }
  }

  @Test
  void dockerLoadRefusesItAndKeepsNothing() throws Exception {
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Sha256.of(plain) + "\"]}}";
    String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"corrupt:gzip\"],\"Layers\":[\"l/layer.tar\"]}]";
    byte[] archive = new TarBuilder(Instant.EPOCH).file("manifest.json", 0644, manifest)
        .file("config.json", 0644, config).dir("l", 0755).file("l/layer.tar", 0644, corrupt).toBytes();
    Archives archives = new Archives(layout, blobs, layers, images);
    EngineException e = assertThrows(EngineException.class, () -> archives.load(new ByteArrayInputStream(archive)));
    assertTrue(e.getMessage().contains("gzip") || e.getMessage().contains("GZIP"), e.getMessage());
    assertNoLayerLeft();
    assertTrue(images.list().isEmpty());
  }

  @Test
  void dockerImportRefusesItAndKeepsNothing() throws Exception {
    ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images);
    EngineException e = assertThrows(EngineException.class, () -> assembler.addLayer(new ByteArrayInputStream(corrupt)));
    assertTrue(e.getMessage().contains("GZIP"), e.getMessage());
    assertNoLayerLeft();
  }

  @Test
  void aPulledBlobWithABadTrailerIsRefusedAndKeepsNothing() throws Exception {
    EngineException e = assertThrows(EngineException.class, () -> layers.unpack(new ByteArrayInputStream(corrupt)));
    assertTrue(e.getMessage().contains("GZIP"), e.getMessage());
    assertNoLayerLeft();
  }

  @Test
  void theSameLayerIntactStillLoads() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    ImageAssembler assembler = new ImageAssembler(layout, blobs, layers, images);
    assertEquals(Sha256.of(plain), assembler.addLayer(new ByteArrayInputStream(gz.toByteArray())));
    assertTrue(layers.has(Sha256.of(plain)));
    assertEquals("file 7", Files.readString(layers.get(Sha256.of(plain)).diff().resolve("data/f7"),
        StandardCharsets.UTF_8));
  }
}
