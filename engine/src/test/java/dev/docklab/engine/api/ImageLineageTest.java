package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An image's parent and whether it has children, found through the history index as by trying every pair. */
class ImageLineageTest {
  private static int made;

  /** An image of these history steps and layers, made at second {@code second}, named {@code tags}. */
  private static Image image(int second, List<String> steps, List<String> layers, String... tags) {
    String created = "2026-01-01T00:00:" + String.format("%02d", second % 60) + "Z";
    List<ImageConfig.History> history = steps.stream()
        .map(s -> new ImageConfig.History("2026-01-01T00:00:00Z", s, null, null, null)).toList();
    ImageConfig config = new ImageConfig("amd64", "linux", created, null, null,
        new ImageConfig.RootFs("layers", layers.stream().map(l -> digest(l).toString()).toList()), history);
    return new Image(digest("image " + made++), digest("manifest " + made), config,
        List.of(tags).stream().map(t -> ImageReference.parse(t).withDefaultTag()).toList(), 0);
  }

  private static Digest digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Digest.sha256(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parent as removal found it before the index: the longest of those it is built on, the first of a tie. */
  private static Image pairwiseParent(List<Image> all, Image img) {
    return all.stream().filter(img::isBuiltOn)
        .max(Comparator.comparingInt(p -> p.config().history() == null ? 0 : p.config().history().size()))
        .orElse(null);
  }

  /** {@code img} as recorded when made here, from {@code parent} (null: none, as a pull). */
  private static Image recorded(Image img, Image parent) {
    return new Image(img.id(), img.manifest(), img.config(), img.repoTags(), img.size(), img.repoDigests(),
        parent == null ? null : parent.id(), true);
  }

  @Test
  void aRecordedParentIsTheParentAndPulledImagesOnTheSameHistoryAreNotFamily() {
    Image ubuntu = recorded(image(1, List.of("FROM a"), List.of("L1"), "ubuntu:22.04"), null);
    Image tomcat = recorded(image(2, List.of("FROM a", "RUN b"), List.of("L1", "L2"), "tomcat:9"), null);
    Image committed = recorded(image(3, List.of("FROM a", "commit"), List.of("L1", "L3"), "mine:v1"), ubuntu);
    Image older = image(4, List.of("FROM a", "RUN b", "COPY c"), List.of("L1", "L2", "L4"));
    ImageLineage lineage = new ImageLineage(List.of(older, committed, tomcat, ubuntu));

    assertEquals(ubuntu, lineage.parentOf(committed));
    assertNull(lineage.parentOf(tomcat), "a pulled image has no parent, whatever its history");
    assertEquals(tomcat, lineage.parentOf(older), "an image recorded before parents were kept: inferred");
    assertTrue(lineage.hasChild(ubuntu), "the commit was made from it");
    assertTrue(lineage.hasChild(tomcat), "the older image is built on it");
    assertFalse(lineage.hasChild(committed));
    assertTrue(lineage.hasChild(ubuntu, committed::equals));
    Image step = recorded(image(6, List.of("FROM a", "commit", "COPY d"), List.of("L1", "L3", "L5")), committed);
    Image top = recorded(image(7, List.of("FROM a", "commit", "COPY d", "COPY e"), List.of("L1", "L3", "L5", "L6"),
        "top:v1"), step);
    lineage.add(step);
    lineage.add(top);
    assertTrue(lineage.hasChild(ubuntu, top::equals), "a tagged image stands on it two images up");
    lineage.remove(top.id());
    lineage.remove(step.id());

    lineage.remove(committed.id());
    assertFalse(lineage.hasChild(ubuntu, committed::equals), "its child gone");
    assertTrue(lineage.dangling(recorded(image(5, List.of("FROM q"), List.of("L7")), null)));
  }

  @Test
  void aChainAndASiblingFindTheirClosestParentAndTheirChildren() {
    Image base = image(1, List.of("FROM a"), List.of("L1"), "base:v1");
    Image child = image(2, List.of("FROM a", "COPY b"), List.of("L1", "L2"));
    Image grandchild = image(3, List.of("FROM a", "COPY b", "COPY c"), List.of("L1", "L2", "L3"), "grand:v1");
    Image sibling = image(4, List.of("FROM a", "COPY s"), List.of("L1", "L4"));
    Image stranger = image(5, List.of("FROM z"), List.of("L9"), "z:v1");
    ImageLineage lineage = new ImageLineage(List.of(stranger, sibling, grandchild, child, base));

    assertEquals(child, lineage.parentOf(grandchild), "the closest, not the base");
    assertEquals(base, lineage.parentOf(child));
    assertEquals(base, lineage.parentOf(sibling));
    assertNull(lineage.parentOf(base));
    assertNull(lineage.parentOf(stranger));
    assertTrue(lineage.hasChild(base));
    assertTrue(lineage.hasChild(child));
    assertFalse(lineage.hasChild(grandchild));
    assertFalse(lineage.hasChild(sibling));
    assertTrue(lineage.hasChild(child, o -> !o.repoTags().isEmpty()), "the grandchild is named");
    assertFalse(lineage.hasChild(stranger, o -> true));

    lineage.remove(child.id());
    assertEquals(base, lineage.parentOf(grandchild), "its parent gone, the next one up");
    lineage.remove(grandchild.id());
    assertFalse(lineage.hasChild(child), "its one child removed");
    assertTrue(lineage.hasChild(base), "the sibling");
    lineage.remove(sibling.id());
    assertFalse(lineage.hasChild(base));
  }

  @Test
  void ofTwoParentsAsCloseTheNewerThenTheEarlierInTheListIsTaken() {
    Image older = image(1, List.of("FROM a"), List.of("L1"));
    Image newer = image(2, List.of("FROM a"), List.of("L1"));
    Image twin = image(2, List.of("FROM a"), List.of("L1"));
    Image top = image(3, List.of("FROM a", "RUN x"), List.of("L1", "L2"));
    List<Image> newestFirst = List.of(top, twin, newer, older);
    assertEquals(twin, new ImageLineage(newestFirst).parentOf(top));
    assertEquals(pairwiseParent(newestFirst, top), new ImageLineage(newestFirst).parentOf(top));
  }

  @Test
  void aForestAgreesWithTryingEveryPairAsImagesGo() {
    Random random = new Random(17);
    List<Image> all = new ArrayList<>();
    all.add(image(0, List.of(), List.of()));  // no history: every image with one is built on it
    for (int i = 1; i < 100; i++) {
      Image from = all.get(random.nextInt(all.size()));
      List<String> steps = new ArrayList<>(from.config().history().stream()
          .map(ImageConfig.History::createdBy).toList());
      List<String> layers = new ArrayList<>(from.diffIds().stream().map(Digest::toString).toList());
      steps.add("step " + random.nextInt(3)); // often the same step twice: images with equal histories
      if (random.nextBoolean()) {
        layers.add("layer " + i);
      }
      String[] tags = random.nextInt(4) == 0 ? new String[] {"named" + i + ":v1"} : new String[0];
      all.add(image(random.nextInt(5), steps, layers, tags));
    }
    all.sort(Comparator.comparing(Image::created).reversed());
    ImageLineage lineage = new ImageLineage(all);
    List<Image> left = new ArrayList<>(all);
    while (!left.isEmpty()) {
      for (Image img : left) {
        assertEquals(pairwiseParent(left, img), lineage.parentOf(img), "the parent of " + img);
        assertEquals(left.stream().anyMatch(o -> o.isBuiltOn(img)), lineage.hasChild(img), "children of " + img);
        assertEquals(left.stream().anyMatch(o -> !o.repoTags().isEmpty() && o.isBuiltOn(img)),
            lineage.hasChild(img, o -> !o.repoTags().isEmpty()), "named children of " + img);
      }
      for (int i = 0; i < 10 && !left.isEmpty(); i++) {
        lineage.remove(left.remove(random.nextInt(left.size())).id());
      }
    }
  }
}
