package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker rmi}, {@code docker image prune} and {@code docker builder prune} on built images that stand on
 * each other: each takes the untagged step images under what it removes only while nothing else stands on them.
 */
class ImageFamilyIT {
  static Transcript t;
  static Path ctx;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-family-"));
    ctx = Files.createTempDirectory("docklab-family-context-");
    for (String f : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n")) {
      Files.writeString(ctx.resolve(f), f + "\n");
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Trees.deleteRecursively(ctx);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  /** Builds {@code FROM busybox} and a {@code COPY} of each file, tagged {@code tag} (null: untagged); its step ids. */
  private static List<String> build(String tag, String... files) throws Exception {
    StringBuilder df = new StringBuilder("FROM busybox\n");
    for (String f : files) {
      df.append("COPY ").append(f).append(" /").append(f).append('\n');
    }
    Files.writeString(ctx.resolve("Dockerfile"), df.toString());
    Transcript.Result r = t.run("docker build " + (tag == null ? "" : "-t " + tag + " ") + ctx);
    assertEquals(0, r.status(), r.err());
    // each step's image: busybox, then one a COPY
    return r.out().lines().filter(l -> l.matches(" ---> [0-9a-f]{12}")).map(l -> l.substring(6)).toList();
  }

  private static Set<String> images() {
    return new HashSet<>(t.run("docker images -a -q").out().lines().toList());
  }

  private static Set<String> without(Set<String> all, List<String> gone) {
    Set<String> left = new HashSet<>(all);
    gone.forEach(left::remove);
    return left;
  }

  @Test
  void rmiTakesTheStepImagesUnderItOnlyOnceNothingElseStandsOnThem() throws Exception {
    Set<String> before = images();
    List<String> chain = build("grand", "a", "b", "c"); // busybox, then base, child and grandchild
    List<String> sibling = build("side", "a", "b", "d"); // on the child, as the grandchild
    assertEquals(chain.subList(0, 3), sibling.subList(0, 3), "the sibling reuses the first steps");
    Set<String> all = images();
    assertEquals(before.size() + 4, all.size(), all.toString());

    t.run("docker rmi grand");
    assertEquals(without(all, List.of(chain.get(3))), images(), "the step images under it stay for its sibling");
    t.run("docker rmi side");
    assertEquals(before, images(), "the sibling gone, the step images go with it, up to busybox");
  }

  @Test
  void imagePruneTakesADanglingImageAndTheStepImagesOnlyItStoodOn() throws Exception {
    t.run("docker image prune -f");
    Set<String> before = images();
    List<String> named = build("family", "e", "f", "g");
    List<String> unnamed = build(null, "e", "f", "h");
    assertEquals(named.subList(0, 3), unnamed.subList(0, 3), "a build on the first one's steps");
    t.run("docker rmi --no-prune family");
    Set<String> left = new HashSet<>(before);
    left.addAll(unnamed);
    assertEquals(left, images(), "only the named image gone");

    Transcript.Result pruned = t.run("docker image prune -f");
    assertTrue(pruned.out().startsWith("Deleted Images:\n"), pruned.out());
    assertEquals(before, images(), "the dangling image, and the steps it alone stood on: " + pruned.out());
  }

  @Test
  void builderPruneKeepsTheStepsANamedImageStandsOnAndDropsTheRest() throws Exception {
    t.run("docker builder prune -f"); // the entries of the images other tests removed
    Set<String> before = images();
    List<String> keeper = build("keeper", "j", "k", "l");
    List<String> unnamed = build(null, "j", "k", "m"); // on the keeper's steps, untagged
    List<String> stranger = build(null, "n", "m"); // a step image with only an untagged image on it
    Transcript.Result pruned = t.run("docker builder prune -f");
    assertTrue(pruned.out().startsWith("Deleted build cache objects:\n"), pruned.out());
    assertEquals(3, pruned.out().lines().filter(l -> l.matches("[0-9a-f]{64}")).count(), pruned.out());
    Set<String> kept = new HashSet<>(before);
    kept.addAll(keeper);
    assertEquals(kept, images(), "gone: " + unnamed.get(3) + " " + stranger.subList(1, 3));

    assertEquals(keeper, build("keeper", "j", "k", "l"), "every step from the cache");
    t.run("docker rmi keeper");
    assertEquals(before, images());
  }
}
