package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubCheckTest {
  private static final String DIGEST = "sha256:" + FakeView.hex(77);
  private final FakeView view = new FakeView();

  private boolean holds(Check c) {
    return c.test(view.probe()).holds();
  }

  /** student/hello:v1 here, with the RepoDigests a push or pull of the hub's manifest leaves. */
  private void local(String digest) {
    Image i = view.image(1, List.of(1), null, null, List.of("sh"), "student/hello:v1");
    Image pushed = new Image(i.id(), i.manifest(), i.config(), i.repoTags(), 0,
        digest == null ? List.of() : List.of(ImageReference.parse("student/hello@" + digest)));
    view.images.put("student/hello:v1", pushed);
  }

  @Test
  void theHubHasATagOrNot() {
    assertFalse(holds(new HubCheck("student/hello:v1", null, null)));
    assertTrue(holds(new HubCheck("student/hello:v1", false, null)));
    view.hub.put("student/hello:v1", DIGEST);
    assertTrue(holds(new HubCheck("student/hello:v1", null, null)));
    assertTrue(holds(new HubCheck("student/hello:v1", true, null)));
    assertFalse(holds(new HubCheck("student/hello:v1", false, null)));
    assertFalse(holds(new HubCheck("student/hello:v2", null, null)), "another tag");
    view.hub.put("library/busybox:latest", DIGEST);
    assertTrue(holds(new HubCheck("busybox", null, null)), "an official image, :latest by default");
  }

  @Test
  void theHubsTagIsTheLocalImageOnlyWhenItsRepoDigestsSaySo() {
    view.hub.put("student/hello:v1", DIGEST);
    HubCheck pushed = new HubCheck("student/hello:v1", null, "student/hello:v1");
    assertFalse(holds(pushed), "no such local image");
    local(null);
    assertFalse(holds(pushed), "tagged here, never pushed nor pulled");
    local("sha256:" + FakeView.hex(78));
    assertFalse(holds(pushed), "another digest: what the hub has is something else");
    local(DIGEST);
    assertTrue(holds(pushed));
  }

  @Test
  void aLoginToTheServerAsTheUser() {
    assertFalse(holds(new LoginCheck(null, null)));
    view.logins.put("docker.io", "student");
    assertTrue(holds(new LoginCheck(null, null)), "Docker Hub when no server is given");
    assertTrue(holds(new LoginCheck(null, "student")));
    assertFalse(holds(new LoginCheck(null, "alice")), "logged in as someone else");
    assertFalse(holds(new LoginCheck("localhost:5000", "student")), "another server");
  }

  @Test
  void aBadRefIsRefusedWithWhatToWrite() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HubCheck("Bad Name", null, null));
    assertTrue(e.getMessage().contains("student/hello:v1"), e.getMessage());
    assertEquals("no-hub", new HubCheck("a/b:c", false, null).kind());
  }
}
