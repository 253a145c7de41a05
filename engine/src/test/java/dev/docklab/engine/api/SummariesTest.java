package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the api's records print as in JShell: short summaries a learner reads, not every field. */
class SummariesTest {
  private static final String ID = "3f5c0d6e1a2b" + "0".repeat(52);
  private static final String IMAGE_ID = "955cf30c041c" + "1".repeat(52);

  static Container container(String status, int exit, List<String> args) {
    Container.State state = new Container.State(ContainerStatus.of(status), 0, exit, "", null, null, 0, false);
    return new Container(ID, "obj1", "2026-11-30T03:00:00Z", "busybox", "sha256:" + IMAGE_ID, "sh", args, List.of(),
        "/", "", "overlay2", null, state, false, false, 0);
  }

  @Test
  void containerPrintsItsShortIdNameImageCommandAndStatus() {
    assertEquals("Container[id=3f5c0d6e1a2b, name=obj1, image=busybox, command=\"sh -c echo hi > /f\", status=exited (0)]",
        container("exited", 0, List.of("-c", "echo hi > /f")).toString());
    assertEquals("Container[id=3f5c0d6e1a2b, name=obj1, image=busybox, command=\"sh\", status=running]",
        container("running", 0, List.of()).toString());
  }

  @Test
  void aLongCommandIsCutAsDockerPsCutsIt() {
    String s = container("created", 0, List.of("-c", "while true; do date; sleep 2; done; echo never reached")).toString();
    assertTrue(s.contains("command=\"sh -c while true; do date; sleep 2; don…\""), s);
    assertTrue(s.length() < 140, s);
  }

  @Test
  void imagePrintsItsShortIdTagsLayersAndSize() {
    ImageConfig config = new ImageConfig("amd64", "linux", null, null, null,
        new ImageConfig.RootFs("layers", List.of("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64))), null);
    Image image = new Image(Digest.sha256(IMAGE_ID), Digest.sha256("c".repeat(64)), config,
        List.of(ImageReference.parse("busybox:latest"), ImageReference.parse("mine:v1")), 1_980_000);
    assertEquals("Image[id=955cf30c041c, tags=[busybox:latest, mine:v1], layers=2, size=1.98MB]", image.toString());
    assertEquals(2, image.layers().size());
  }

  @Test
  void changePrintsAsDockerDiff() {
    assertEquals("A /f", new Change('A', "/f").toString());
  }

  @Test
  void sizesUseDockersUnits() {
    assertEquals("0B", Summaries.size(0));
    assertEquals("999B", Summaries.size(999));
    assertEquals("1.5kB", Summaries.size(1500));
    assertEquals("21MB", Summaries.size(21_000_000));
  }
}
