package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Change;
import java.util.List;
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
}
