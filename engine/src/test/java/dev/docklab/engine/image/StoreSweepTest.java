package dev.docklab.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.NoopPosix;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Leases;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start-up sweep removes the layers and blobs nothing stands on, and nothing that anything uses. */
class StoreSweepTest {
  private Path root;
  private Layout layout;
  private BlobStore blobs;
  private LayerStore layers;
  private ImageStore images;
  private Leases leases;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("docklab-sweep-");
    layout = new Layout(root);
    blobs = new BlobStore(layout);
    layers = new LayerStore(layout, new NoopPosix());
    images = new ImageStore(layout, blobs, layers);
    leases = new Leases(layout);
  }

  @AfterEach
  void clean() throws IOException {
    Trees.deleteRecursively(root);
  }

  private Digest layer(String name) {
    return layers.unpack(new ByteArrayInputStream(new TarBuilder(Instant.EPOCH).file(name, 0644, name).toBytes()))
        .layer().diffId();
  }

  private Digest image(String name) {
    ImageAssembler a = new ImageAssembler(layout, blobs, layers, images);
    a.addLayer(new ByteArrayInputStream(new TarBuilder(Instant.EPOCH).file(name, 0644, name).toBytes()));
    return a.finish(new ImageConfig("amd64", "linux", "2024-01-01T00:00:00Z", null, null, null, null));
  }

  private StoreSweep.Swept sweep(Set<Digest> containerImages) throws IOException {
    return new StoreSweep(blobs, layers, images, leases).sweep(containerImages);
  }

  @Test
  void whatNoImageContainerNorPullHoldsGoesAndNothingElse() throws Exception {
    Digest kept = image("kept");
    List<Digest> keptLayers = images.get(kept).diffIds();
    List<Digest> keptBlobs = ImageStore.blobsOf(blobs, images.get(kept));
    Digest orphanLayer = layer("orphan");
    Digest orphanBlob = blobs.put("left by a crash".getBytes(StandardCharsets.UTF_8));
    Digest pulledLayer = layer("pulled");
    Digest pulledBlob = blobs.put("downloaded".getBytes(StandardCharsets.UTF_8));
    leases.hold("aaaa", List.of(pulledLayer, pulledBlob));
    Digest oldLayer = layer("old pull");
    AtomicFiles.write(layout.leases().resolve("bbbb.json"), ("{\"created\":\"" + Instant.now().minusSeconds(25 * 3600)
        + "\",\"digests\":[\"" + oldLayer + "\"]}").getBytes(StandardCharsets.UTF_8));
    Digest containerLayer = layer("container's");
    Digest containerImage = blobs.put(("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + containerLayer
        + "\"]}}").getBytes(StandardCharsets.UTF_8));

    StoreSweep.Swept swept = sweep(Set.of(containerImage));

    assertEquals(Set.of(orphanLayer, oldLayer), Set.copyOf(swept.layers()));
    assertEquals(Set.of(orphanBlob), Set.copyOf(swept.blobs()));
    assertTrue(swept.bytes() > 0);
    keptLayers.forEach(d -> assertTrue(layers.has(d), "an image's layer stays"));
    keptBlobs.forEach(d -> assertTrue(blobs.has(d), "an image's blob stays"));
    assertTrue(layers.has(pulledLayer) && blobs.has(pulledBlob), "what an unfinished pull holds stays a day");
    assertTrue(layers.has(containerLayer) && blobs.has(containerImage), "a container's image stays");
    assertFalse(Files.exists(layout.leases().resolve("bbbb.json")), "an expired lease goes");
    assertTrue(images.get(kept) != null);
  }

  @Test
  void anImageThatCannotBeReadStopsTheSweep() throws Exception {
    Digest kept = image("kept");
    Digest orphan = layer("orphan");
    blobs.delete(images.get(kept).manifest());
    assertEquals(List.of(), sweep(Set.of()).layers());
    assertTrue(layers.has(orphan), "nothing is removed when what an image uses cannot be known");
  }
}
