package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageCheckTest {
  private final FakeView view = new FakeView();

  @BeforeEach
  void images() {
    view.image(1, List.of(1, 2), null, null, List.of("sh"), "busybox", "busybox:latest");
    view.image(2, List.of(1, 2, 3), "alice", "added hello", List.of("cat", "/hello.txt"), "hello:v1", "hello:latest");
    view.image(3, List.of(1, 2, 3, 4), null, null, List.of("sh"), "two-more");
    view.image(4, List.of(9, 3), null, null, List.of("sh"), "elsewhere");
    view.image(5, List.of(1, 2, 3), "alice", "added hello", List.of("cat", "/hello.txt"), "hello:again");
  }

  private boolean holds(ImageCheck c) {
    return c.test(view.probe()).holds();
  }

  private static ImageCheck ref(String ref) {
    return new ImageCheck(ref, null, null, null, null, null, null, null);
  }

  @Test
  void aTagExistsOrNot() {
    assertTrue(holds(ref("hello:v1")));
    assertFalse(holds(ref("hello:v2")));
    assertTrue(holds(new ImageCheck("hello:v2", false, null, null, null, null, null, null)));
    assertFalse(holds(new ImageCheck("hello:v1", false, null, null, null, null, null, null)));
  }

  @Test
  void aTagNamesTheSameImageAsAnother() {
    assertTrue(holds(new ImageCheck("hello:latest", null, "hello:v1", null, null, null, null, null)));
    assertFalse(holds(new ImageCheck("hello:again", null, "hello:v1", null, null, null, null, null)),
        "committed twice: same content, another image");
    assertFalse(holds(new ImageCheck("hello:latest", null, "missing", null, null, null, null, null)));
  }

  @Test
  void layersOnTopOfABase() {
    assertTrue(holds(new ImageCheck("hello:v1", null, null, "busybox", 1, null, null, null)));
    assertFalse(holds(new ImageCheck("two-more", null, null, "busybox", 1, null, null, null)));
    assertTrue(holds(new ImageCheck("two-more", null, null, "busybox", 2, null, null, null)));
    assertTrue(holds(new ImageCheck("two-more", null, null, "busybox", null, null, null, null)), "at least one");
    assertFalse(holds(new ImageCheck("busybox", null, null, "busybox", null, null, null, null)), "none more");
    assertFalse(holds(new ImageCheck("elsewhere", null, null, "busybox", null, null, null, null)), "another base");
  }

  @Test
  void authorCommentAndCmd() {
    assertTrue(holds(new ImageCheck("hello:v1", null, null, null, null, "alice", "hello", "/hello.txt")));
    assertFalse(holds(new ImageCheck("hello:v1", null, null, null, null, "bob", null, null)));
    assertFalse(holds(new ImageCheck("hello:v1", null, null, null, null, null, "bye", null)));
    assertFalse(holds(new ImageCheck("busybox", null, null, null, null, null, null, "httpd")));
  }

  @Test
  void malformedChecksAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ref(null));
    assertThrows(IllegalArgumentException.class, () -> new ImageCheck("a", null, null, null, 1, null, null, null));
  }

  @Test
  void aStepOfItsHistory() {
    assertTrue(holds(new ImageCheck("hello:v1", null, null, null, null, null, null, null, "made")));
    assertFalse(holds(new ImageCheck("hello:v1", null, null, null, null, null, null, null, "RUN apt-get")));
  }
}
