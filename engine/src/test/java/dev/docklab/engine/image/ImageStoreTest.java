package dev.docklab.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.NoopPosix;
import dev.docklab.engine.layer.TarBuilder;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image store lists what it holds, newest first, with each image's names, as they change. */
class ImageStoreTest {
  private Path root;
  private Layout layout;
  private BlobStore blobs;
  private LayerStore layers;
  private ImageStore images;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("docklab-images-");
    layout = new Layout(root);
    blobs = new BlobStore(layout);
    layers = new LayerStore(layout, new NoopPosix());
    images = new ImageStore(layout, blobs, layers);
  }

  @AfterEach
  void clean() throws IOException {
    Trees.deleteRecursively(root);
  }

  private Digest image(String name, String created) {
    ImageAssembler a = new ImageAssembler(layout, blobs, layers, images);
    a.addLayer(new ByteArrayInputStream(new TarBuilder(Instant.EPOCH).file(name, 0644, name).toBytes()));
    return a.finish(new ImageConfig("amd64", "linux", created, null, null, null, null));
  }

  private static ImageReference ref(String name) {
    return ImageReference.parse(name).withDefaultTag();
  }

  private List<Digest> listed() {
    return images.list().stream().map(Image::id).toList();
  }

  private List<String> namesOf(Digest id) {
    return images.get(id).repoTags().stream().map(ImageReference::familiarString).toList();
  }

  @Test
  void listsNewestFirstAndFollowsAddsAndRemovals() {
    Digest old = image("old", "2020-01-01T00:00:00Z");
    Digest mid = image("mid", "2022-01-01T00:00:00Z");
    assertEquals(List.of(mid, old), listed());

    Digest fresh = image("fresh", "2024-01-01T00:00:00Z");
    assertEquals(List.of(fresh, mid, old), listed());

    images.remove(mid);
    assertEquals(List.of(fresh, old), listed());
    assertNull(images.find(mid.hex().substring(0, 12)));
  }

  @Test
  void anImagesNamesFollowTagsUntagsAndMovesOfANameToAnother() {
    Digest a = image("a", "2020-01-01T00:00:00Z");
    Digest b = image("b", "2021-01-01T00:00:00Z");
    images.tag(ref("app:1"), a);
    images.tag(ref("app:latest"), a);
    assertEquals(List.of("app:1", "app:latest"), namesOf(a));
    assertEquals(List.of(), namesOf(b));

    images.tag(ref("app:latest"), b); // the name moves
    assertEquals(List.of("app:1"), namesOf(a));
    assertEquals(List.of("app:latest"), namesOf(b));
    assertEquals(List.of(List.of("app:latest"), List.of("app:1")),
        images.list().stream().map(i -> i.repoTags().stream().map(ImageReference::familiarString).toList()).toList());

    images.untag(ref("app:1"));
    assertEquals(List.of(), namesOf(a));
    assertEquals(b, images.find("app").id());
  }

  @Test
  void aNewStoreOnTheSameDataRootReadsTheSameImagesAndNames() {
    Digest a = image("a", "2020-01-01T00:00:00Z");
    Digest b = image("b", "2021-01-01T00:00:00Z");
    images.tag(ref("one"), a);
    images.list(); // read and kept

    ImageStore again = new ImageStore(layout, blobs, layers);

    assertEquals(List.of(b, a), again.list().stream().map(Image::id).toList());
    assertEquals(List.of("one:latest"), again.get(a).repoTags().stream().map(ImageReference::familiarString).toList());
  }
}
