package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Image;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContainerCheckTest {
  private final FakeView view = new FakeView();

  private static ContainerCheck check(String name, String image, String state) {
    return new ContainerCheck(name, image, null, null, null, state, null, null, null, null, null, null, null, null);
  }

  private boolean holds(ContainerCheck c) {
    return c.test(view.probe()).holds();
  }

  @Nested
  class Selecting {
    @Test
    void findsAContainerByImageWhateverItsName() {
      view.add("my-own-name", "busybox", "sh");
      Verdict v = check(null, "busybox", "running").test(view.probe());
      assertTrue(v.holds());
      assertEquals("my-own-name", v.container());
    }

    @Test
    void matchesTheImageByIdWhenTypedByAnotherName() {
      Image busybox = view.image(1, List.of(1, 2), null, null, List.of("sh"), "busybox", "busybox:1.35");
      view.add("b", "busybox:1.35", "sh").imageId(busybox);
      assertTrue(holds(check(null, "busybox", null)));
    }

    @Test
    void anotherImageDoesNotPass() {
      view.add("w", "web", "httpd");
      assertFalse(holds(check(null, "busybox", null)));
    }

    @Test
    void byNameAndLabel() {
      view.add("ticker", "busybox", "sh").label("docklab.lesson", "background");
      assertTrue(holds(ContainerCheck.named("ticker")));
      assertFalse(holds(ContainerCheck.named("tick")));
      assertTrue(holds(new ContainerCheck(null, null, "docklab.lesson=background", null, null, null, null, null, null,
          null, null, null, null, null)));
      assertTrue(holds(new ContainerCheck(null, null, "docklab.lesson", null, null, null, null, null, null,
          null, null, null, null, null)));
      assertFalse(holds(new ContainerCheck(null, null, "docklab.lesson=ports", null, null, null, null, null, null,
          null, null, null, null, null)));
    }

    @Test
    void containersOlderThanTheLessonDoNotCount() {
      view.add("old", "busybox", "sh").createdAt(FakeView.LESSON.minusSeconds(1));
      assertFalse(holds(check(null, "busybox", "running")));
      assertTrue(holds(new ContainerCheck(null, "busybox", null, Scope.ANY, null, null, null, null, null, null, null,
          null, null, null)));
    }

    @Test
    void stepScopeCountsOnlyContainersOfThisStep() {
      view.add("earlier", "busybox", "sh").createdAt(FakeView.STEP.minusSeconds(1));
      ContainerCheck step = new ContainerCheck(null, "busybox", null, Scope.STEP, null, null, null, null, null, null,
          null, null, null, null);
      assertFalse(holds(step));
      view.add("now", "busybox", "sh").createdAt(FakeView.STEP.plusSeconds(1));
      assertTrue(holds(step));
    }

    @Test
    void existsFalseHoldsWhenNoneMatches() {
      ContainerCheck gone = new ContainerCheck("web", null, null, null, false, null, null, null, null, null, null,
          null, null, null);
      assertTrue(holds(gone));
      view.add("web", "web", "httpd");
      assertFalse(holds(gone));
      assertEquals("no-container", gone.kind());
    }
  }

  @Nested
  class Properties {
    @Test
    void stateAndExitCode() {
      view.add("a", "busybox", "echo", "hello").exited(0);
      assertTrue(holds(check(null, "busybox", "exited")));
      assertFalse(holds(check(null, "busybox", "running")));
      ContainerCheck zero = new ContainerCheck(null, null, null, null, null, null, 0, null, null, null, null, null,
          null, null);
      ContainerCheck seven = new ContainerCheck(null, null, null, null, null, null, 7, null, null, null, null, null,
          null, null);
      assertTrue(holds(zero));
      assertFalse(holds(seven));
    }

    @Test
    void exitCodeNeedsAnExitedContainer() {
      view.add("a", "busybox", "sh").created();
      assertFalse(holds(new ContainerCheck(null, null, null, null, null, null, 0, null, null, null, null, null, null,
          null)), "created, never run: no exit code yet");
    }

    @Test
    void terminalAndOpenStdin() {
      view.add("plain", "busybox", "sh");
      ContainerCheck it = new ContainerCheck(null, null, null, null, null, null, null, true, true, null, null, null,
          null, null);
      assertFalse(holds(it));
      view.add("box", "busybox", "sh").tty();
      assertEquals("box", it.test(view.probe()).container());
    }

    @Test
    void commandContains() {
      view.add("clock", "busybox", "sh", "-c", "while true; do date; sleep 1; done");
      assertTrue(holds(new ContainerCheck(null, null, null, null, null, null, null, null, null, "date", null, null,
          null, null)));
      assertFalse(holds(new ContainerCheck(null, null, null, null, null, null, null, null, null, "uname", null, null,
          null, null)));
    }

    @Test
    void publishedPortAnyHostPortOrAGivenOne() {
      view.add("web", "web", "httpd").publish(8080, 80);
      assertTrue(holds(publishes("80")));
      assertTrue(holds(publishes("8080:80")));
      assertTrue(holds(publishes("8080:80/tcp")));
      assertFalse(holds(publishes("9090:80")));
      assertFalse(holds(publishes("80/udp")));
      assertFalse(holds(publishes("443")));
    }

    @Test
    void publishAllAndTheRandomPortItGot() {
      view.add("web2", "web", "httpd").publishAll(49200, 80);
      ContainerCheck all = new ContainerCheck(null, "web", null, null, null, null, null, null, null, null, "80", true,
          null, null);
      assertTrue(holds(all));
      assertTrue(holds(publishes("49200:80")));
    }

    @Test
    void malformedPortIsRefusedWhenTheLessonIsRead() {
      assertThrows(IllegalArgumentException.class, () -> publishes("eighty"));
      assertThrows(IllegalArgumentException.class, () -> check(null, null, "sleeping"));
    }

    @Test
    void mountWithModeTypeAndSource() {
      view.add("db", "busybox", "sh").mount(new Container.MountPoint("volume", "data", "/var/lib/docklab/volumes/data",
          "/data", true, false));
      assertTrue(holds(mount(new ContainerCheck.MountWant("/data", null, null, null))));
      assertTrue(holds(mount(new ContainerCheck.MountWant("/data", "volume", "data", true))));
      assertFalse(holds(mount(new ContainerCheck.MountWant("/data", null, null, false))), "read-write asked");
      assertFalse(holds(mount(new ContainerCheck.MountWant("/data", "bind", null, null))));
      assertFalse(holds(mount(new ContainerCheck.MountWant("/other", null, null, null))));
    }

    @Test
    void bindMountSourceIsTheHostPath() {
      view.add("b", "busybox", "sh").mount(new Container.MountPoint("bind", null, "/srv/site", "/www", false, false));
      assertTrue(holds(mount(new ContainerCheck.MountWant("/www", "bind", "/srv/site", false))));
    }

    @Test
    void logContains() {
      view.add("a", "busybox", "echo", "hello").exited(0).log("hello");
      assertTrue(holds(log("hell")));
      assertFalse(holds(log("goodbye")));
    }

    @Test
    void everyPropertyMustHoldOfOneAndTheSameContainer() {
      view.add("a", "busybox", "sh").tty();
      view.add("b", "busybox", "sh").exited(0);
      assertFalse(holds(new ContainerCheck(null, null, null, null, null, "exited", null, true, null, null, null, null,
          null, null)));
    }

    @Test
    void factsNameEveryPropertyAsked() {
      ContainerCheck c = new ContainerCheck(null, "busybox", null, null, null, "running", null, true, null, null, "80",
          null, null, null);
      assertEquals(List.of(new Fact("image", "busybox"), new Fact("state", "running"), new Fact("tty", "true"),
          new Fact("publishes", "80")), c.facts());
    }
  }

  private static ContainerCheck publishes(String spec) {
    return new ContainerCheck(null, null, null, null, null, null, null, null, null, null, spec, null, null, null);
  }

  private static ContainerCheck mount(ContainerCheck.MountWant m) {
    return new ContainerCheck(null, null, null, null, null, null, null, null, null, null, null, null, m, null);
  }

  private static ContainerCheck log(String text) {
    return new ContainerCheck(null, null, null, null, null, null, null, null, null, null, null, null, null, text);
  }
}
