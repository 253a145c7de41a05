package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    for (String f : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p")) {
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
  void anImageACommitWasMadeFromOnlyLosesItsNameAndCannotBeDeletedById() throws Exception {
    build("parent1", "o");
    String parent = t.run("docker images -q parent1").out().strip();
    assertEquals(0, t.run("docker run --name family-c1 parent1 touch /x").status());
    assertEquals(0, t.run("docker commit family-c1 kid1").status(), "a commit of a container of parent1");
    String kid = t.run("docker images -q kid1").out().strip();
    assertEquals(0, t.run("docker rm family-c1").status());
    assertTrue(t.run("docker inspect -f '{{.Parent}}' kid1").out().strip().startsWith("sha256:" + parent),
        "the commit's parent is the image its container ran");

    Transcript.Result untag = t.run("docker rmi parent1");
    assertEquals(0, untag.status(), untag.err());
    assertEquals("Untagged: parent1:latest\n", untag.out(), "only the name goes: kid1 was made from it");
    assertTrue(images().contains(parent), "still there, without a name");
    assertFalse(t.run("docker images -q").out().lines().anyMatch(parent::equals), "an intermediate image now");

    for (String rmi : List.of("docker rmi " + parent, "docker rmi -f " + parent)) {
      Transcript.Result refused = t.run(rmi);
      assertEquals(1, refused.status(), rmi);
      assertEquals("Error response from daemon: conflict: unable to delete " + parent
          + " (cannot be forced) - image has dependent child images\n", refused.err(), rmi);
    }

    Transcript.Result both = t.run("docker rmi kid1");
    assertEquals(0, both.status(), both.err());
    assertTrue(both.out().startsWith("Untagged: kid1:latest\nDeleted: sha256:" + kid), both.out());
    assertTrue(both.out().contains("Deleted: sha256:" + parent), "its nameless parent goes with it: " + both.out());
    assertFalse(images().contains(parent));
  }

  @Test
  void aNameARunningContainerUsesGoesOnlyForcedAndTheImageStays() throws Exception {
    build("busy1", "p");
    String id = t.run("docker images -q busy1").out().strip();
    assertEquals(0, t.run("docker run -d --name family-r1 busy1 sleep 60").status());
    try {
      Transcript.Result refused = t.run("docker rmi busy1");
      assertEquals(1, refused.status());
      assertTrue(refused.err().matches("Error response from daemon: conflict: unable to remove repository reference "
          + "\"busy1\" \\(must force\\) - container [0-9a-f]{12} is using its referenced image " + id + "\n"),
          refused.err());

      Transcript.Result forced = t.run("docker rmi -f busy1");
      assertEquals(0, forced.status(), forced.err());
      assertEquals("Untagged: busy1:latest\n", forced.out(), "the image stays for its running container");
      assertTrue(images().contains(id));

      Transcript.Result byId = t.run("docker rmi -f " + id);
      assertEquals(1, byId.status());
      assertTrue(byId.err().startsWith("Error response from daemon: conflict: unable to delete " + id
          + " (cannot be forced) - image is being used by running container "), byId.err());
    } finally {
      t.run("docker rm -f family-r1");
    }
    assertEquals(0, t.run("docker rmi " + id).status(), "nothing holds it any more");
    assertFalse(images().contains(id));
  }

  @Test
  void pruneAllLeavesTheImagesAUsedImageWasMadeFromAndSaysNoError() throws Exception {
    Transcript own = new Transcript(Files.createTempDirectory("docklab-family-prune-"));
    try {
      assertEquals(0, own.run("docker run --name held busybox touch /held").status());
      assertEquals(0, own.run("docker commit held held:v1").status());
      assertEquals(0, own.run("docker run --name user held:v1 true").status());
      String busybox = own.run("docker images -q busybox").out().strip();
      String held = own.run("docker images -q held:v1").out().strip();

      Transcript.Result pruned = own.run("docker image prune -a -f");
      assertEquals(0, pruned.status(), pruned.err());
      Set<String> left = new HashSet<>(own.run("docker images -a -q").out().lines().toList());
      assertTrue(left.contains(held), "a container uses it");
      assertTrue(left.contains(busybox), "held:v1 was made from it");
    } finally {
      own.destroy();
    }
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
