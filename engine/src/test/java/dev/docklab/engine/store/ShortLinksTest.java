package dev.docklab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShortLinksTest {
  private Path root;
  private Layout layout;
  private ShortLinks links;

  @BeforeEach
  void dataRoot() throws Exception {
    root = Files.createTempDirectory("docklab-links-");
    layout = new Layout(root);
    links = new ShortLinks(layout);
  }

  @AfterEach
  void clean() throws Exception {
    Trees.deleteRecursively(root);
  }

  @Test
  void aLinkNamesItsTargetUnderLInTwelveHexDigitsAndIsMadeOnce() throws Exception {
    Path diff = Files.createDirectories(root.resolve("layers").resolve("a".repeat(64)).resolve("diff"));
    Path link = links.link(diff);
    assertEquals(layout.shortLinks(), link.getParent());
    assertTrue(link.getFileName().toString().matches("[0-9a-f]{12}"), link.toString());
    assertEquals(diff, Files.readSymbolicLink(link));
    assertEquals(link, links.link(diff), "the same target, the same link");
  }

  @Test
  void droppingALinkLeavesEveryOtherLayersLink() throws Exception {
    Path gone = Files.createDirectories(root.resolve("layers").resolve("a".repeat(64)).resolve("diff"));
    Path kept = Files.createDirectories(root.resolve("layers").resolve("b".repeat(64)).resolve("diff"));
    Path goneLink = links.link(gone);
    Path keptLink = links.link(kept);
    links.drop(gone);
    links.drop(gone);
    assertFalse(Files.isSymbolicLink(goneLink));
    assertEquals(kept, Files.readSymbolicLink(keptLink));
  }

  @Test
  void theLinksLeftDanglingAndTempLinksGoAndTheOthersStay() throws Exception {
    Path kept = Files.createDirectories(root.resolve("layers").resolve("b".repeat(64)).resolve("diff"));
    Path keptLink = links.link(kept);
    Path dangling = Files.createSymbolicLink(layout.shortLinks().resolve("0123456789ab"),
        root.resolve("layers").resolve("c".repeat(64)).resolve("diff"));
    Path temp = Files.createSymbolicLink(layout.shortLinks().resolve(".0123456789ac.42.tmp"), kept);
    assertEquals(List.of(dangling, temp).stream().sorted().toList(), links.dropDangling().stream().sorted().toList());
    assertFalse(Files.isSymbolicLink(dangling));
    assertFalse(Files.isSymbolicLink(temp));
    assertEquals(kept, Files.readSymbolicLink(keptLink));
  }

  @Test
  void aDataRootWithoutLHasNothingToDrop() throws Exception {
    assertEquals(List.of(), links.dropDangling());
  }
}
