package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Change;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileCheckTest {
  private final FakeView view = new FakeView();

  @Test
  void aPathAddedInTheReadWriteLayerOfAMatchingContainer() {
    view.add("box", "busybox", "sh").tty().diff(new Change('A', "/hello.txt"));
    view.add("other", "web", "httpd").diff(new Change('D', "/etc/motd"));
    FileCheck added = new FileCheck(new ContainerCheck(null, "busybox", null, null, null, null, null, true, null, null,
        null, null, null, null), "/hello.txt", "added");
    Verdict v = added.test(view.probe());
    assertTrue(v.holds());
    assertEquals("box", v.container());
    assertFalse(new FileCheck(null, "/hello.txt", "deleted").test(view.probe()).holds());
    assertTrue(new FileCheck(null, "/etc/motd", "D").test(view.probe()).holds());
    assertTrue(new FileCheck(null, "/hello.txt", null).test(view.probe()).holds(), "any change");
    assertFalse(new FileCheck(ContainerCheck.named("other"), "/hello.txt", null).test(view.probe()).holds());
  }

  @Test
  void aParentDirectoryChangedIsNotThePathAdded() {
    view.add("box", "busybox", "sh").diff(new Change('C', "/root"), new Change('A', "/root/notes"));
    assertTrue(new FileCheck(null, "/root", "changed").test(view.probe()).holds());
    assertFalse(new FileCheck(null, "/root", "added").test(view.probe()).holds());
  }

  @Test
  void factsTellWhereToLook() {
    FileCheck c = new FileCheck(ContainerCheck.named("box"), "/hello.txt", "Added");
    assertEquals(List.of(new Fact("path", "/hello.txt"), new Fact("change", "added"), new Fact("in.name", "box")),
        c.facts());
  }

  @Test
  void malformedChecksAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new FileCheck(null, "hello.txt", null));
    assertThrows(IllegalArgumentException.class, () -> new FileCheck(null, "/a", "renamed"));
  }

  @Test
  void aDeletionAsAWhiteoutOrAnOpaqueDirectoryInTheReadWriteLayer() {
    FakeView.Box box = view.add("box", "busybox", "sh").diff(new Change('D', "/etc/motd"), new Change('C', "/var"));
    view.cow.put(box.id, Map.of("/etc/motd", "DELETE", "/var", "OPAQUE"));
    assertTrue(new FileCheck(null, null, "/etc/motd", "deleted", true, null).test(view.probe()).holds());
    assertFalse(new FileCheck(null, null, "/etc/motd", null, null, true).test(view.probe()).holds(), "not opaque");
    assertTrue(new FileCheck(null, null, "/var", null, null, true).test(view.probe()).holds());
    assertFalse(new FileCheck(null, null, "/var", null, true, null).test(view.probe()).holds(), "not a whiteout");
  }

  @Test
  void aPathInTheTopLayerOfAnImage() {
    view.image(1, List.of(1, 2), null, null, List.of("sh"), "slim:v1");
    view.topLayers.put("slim:v1 /tmp/big", "WHITEOUT");
    view.topLayers.put("slim:v1 /app", "OPAQUE");
    view.topLayers.put("slim:v1 /app/run.sh", "FILE");
    assertTrue(new FileCheck(null, "slim:v1", "/tmp/big", null, true, null).test(view.probe()).holds());
    assertTrue(new FileCheck(null, "slim:v1", "/app", null, null, true).test(view.probe()).holds());
    assertTrue(new FileCheck(null, "slim:v1", "/app/run.sh", null, null, null).test(view.probe()).holds());
    assertFalse(new FileCheck(null, "slim:v1", "/app/run.sh", null, true, null).test(view.probe()).holds());
    assertFalse(new FileCheck(null, "slim:v1", "/etc/passwd", null, null, null).test(view.probe()).holds(),
        "not in the top layer");
    assertFalse(new FileCheck(null, "gone:v1", "/tmp/big", null, null, null).test(view.probe()).holds(), "no image");
    assertEquals(List.of(new Fact("path", "/tmp/big"), new Fact("whiteout", "true"), new Fact("topLayerOf", "slim:v1")),
        new FileCheck(null, "slim:v1", "/tmp/big", null, true, null).facts());
    assertThrows(IllegalArgumentException.class, () -> new FileCheck(null, "slim:v1", "/a", "added", null, null));
    assertThrows(IllegalArgumentException.class, () -> new FileCheck(null, null, "/a", null, true, true));
  }
}
