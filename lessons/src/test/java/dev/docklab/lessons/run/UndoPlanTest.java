package dev.docklab.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.lessons.run.UndoPlan.Tag;
import dev.docklab.lessons.run.UndoPlan.Was;
import java.util.List;
import org.junit.jupiter.api.Test;

class UndoPlanTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String IMG = "sha256:" + "1".repeat(64);
  private static final String NEW = "sha256:" + "2".repeat(64);
  private static final String BUSYBOX = "docker.io/library/busybox:latest";
  private static final String APP = "docker.io/library/app:v1";

  private static String c(String id, String name, boolean running) {
    return String.join(" ", "c", id, name, running ? "running" : "not");
  }

  private static String t(String ref, String id) {
    return String.join(" ", "t", ref, id);
  }

  @Test
  void nothingChangedIsNothingToDo() {
    List<String> things = List.of(c(A, "web", true), t(BUSYBOX, IMG));
    UndoPlan p = UndoPlan.of(things, things);
    assertEquals(new UndoPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(new Was(A, "web", true))),
        p, "the container is only looked at: it is as it was");
  }

  @Test
  void aContainerTheLineCreatedIsRemoved() {
    UndoPlan p = UndoPlan.of(List.of(c(A, "web", true)), List.of(c(A, "web", true), c(B, "extra", false)));
    assertEquals(List.of(B), p.removeContainers());
    assertTrue(p.restoreContainers().isEmpty());
  }

  @Test
  void aContainerTheLineRemovedIsBroughtBackAsItWas() {
    UndoPlan p = UndoPlan.of(List.of(c(A, "web", true), c(B, "db", false)), List.of(c(B, "db", false)));
    assertEquals(List.of(new Was(A, "web", true)), p.restoreContainers());
    assertEquals(List.of(new Was(A, "web", true), new Was(B, "db", false)), p.containers(), "each settled as it was");
    assertTrue(p.removeContainers().isEmpty());
  }

  @Test
  void aStopOrARenameLeavesOnlyContainersToSettle() {
    UndoPlan p = UndoPlan.of(List.of(c(A, "web", true)), List.of(c(A, "web2", false)));
    assertTrue(p.removeContainers().isEmpty() && p.restoreContainers().isEmpty());
    assertEquals(List.of(new Was(A, "web", true)), p.containers());
  }

  @Test
  void aNameTheLineCommittedIsRemoved() {
    UndoPlan p = UndoPlan.of(List.of(t(BUSYBOX, IMG)), List.of(t(BUSYBOX, IMG), t(APP, NEW)));
    assertEquals(List.of(APP), p.removeNames());
    assertTrue(p.restoreImages().isEmpty() && p.putBackNames().isEmpty());
  }

  @Test
  void anImageTheLineDeletedIsRestoredOnceAndItsNamesPutBack() {
    String v2 = "docker.io/library/app:v2";
    UndoPlan p = UndoPlan.of(List.of(t(BUSYBOX, IMG), t(APP, NEW), t(v2, NEW)), List.of(t(BUSYBOX, IMG)));
    assertEquals(List.of(NEW), p.restoreImages());
    assertEquals(List.of(new Tag(APP, NEW), new Tag(v2, NEW)), p.putBackNames());
  }

  @Test
  void aNameUntaggedFromAnImageStillHereIsPutBackWithoutARestore() {
    UndoPlan p = UndoPlan.of(List.of(t(BUSYBOX, IMG), t(APP, IMG)), List.of(t(BUSYBOX, IMG)));
    assertTrue(p.restoreImages().isEmpty());
    assertEquals(List.of(new Tag(APP, IMG)), p.putBackNames());
  }

  @Test
  void aNameMovedToAnotherImagePointsAtItsOldImageAgain() {
    UndoPlan p = UndoPlan.of(List.of(t(APP, IMG)), List.of(t(APP, NEW)));
    assertTrue(p.removeNames().isEmpty());
    assertEquals(List.of(IMG), p.restoreImages(), "the old image has no name now: it may be gone");
    assertEquals(List.of(new Tag(APP, IMG)), p.putBackNames());
  }
}
