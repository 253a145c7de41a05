package dev.docklab.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
  @Test
  void nothingSavedYetIsNoProgress(@TempDir Path dir) {
    assertEquals(Progress.EMPTY, new ProgressStore(dir.resolve("progress.json")).load());
  }

  @Test
  void savesAndLoadsEveryLessonAndTheActiveOnePerDataRoot(@TempDir Path dir) throws Exception {
    ProgressStore store = new ProgressStore(dir.resolve("config/progress.json"));
    LessonProgress ports = LessonProgress.startedAt(Instant.parse("2025-03-01T08:00:00Z")).typed().hinted()
        .answered("8080");
    Progress p = Progress.EMPTY.with("ports", ports)
        .with("light", new LessonProgress(LessonStatus.DONE, 2, "2025-03-01T07:00:00Z", "2025-03-01T07:10:00Z", 0, 0,
            false, null, List.of(new StepRecord(1, 1, 0, false), new StepRecord(3, 2, 1, true)), List.of("busybox:latest"), List.of(), List.of(),
            List.of()))
        .activeOn("/var/lib/docklab", "ports");
    store.save(p);
    assertEquals(p, store.load());
    assertEquals(LessonStatus.NOT_STARTED, store.load().of("layers").status());
    String json = Files.readString(store.file());
    assertTrue(json.contains("\"in-progress\""), json);
    try (Stream<Path> files = Files.list(store.file().getParent())) {
      assertEquals(List.of(store.file()), files.toList(), "no temporary file left beside it");
    }
    store.save(store.load().activeOn("/var/lib/docklab", null));
    assertEquals(Map.of(), store.load().active());
  }

  @Test
  void aDamagedFileIsReportedWithWhatToDo(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{not json");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ProgressStore(f).load());
    assertTrue(e.getMessage().startsWith("cannot read your progress in " + f), e.getMessage());
    assertTrue(e.getMessage().endsWith("move the file away to start afresh"), e.getMessage());
  }

  @Test
  void whatSaveSoonWasGivenIsLoadedAtOnceAndOnDiskAfterAFlush(@TempDir Path dir) {
    ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
    Progress p = Progress.EMPTY.with("ports", LessonProgress.startedAt(Instant.parse("2025-03-01T08:00:00Z")).typed())
        .activeOn("/var/lib/docklab", "ports");
    store.saveSoon(p);
    assertEquals(p, store.load(), "this docklab sees it before it is written");
    store.flush();
    assertEquals(p, new ProgressStore(store.file()).load(), "the next docklab reads it from the file");
  }

  @Test
  void aSaveNowSupersedesWhatSaveSoonWasGiven(@TempDir Path dir) {
    ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
    Progress older = Progress.EMPTY.activeOn("/var/lib/docklab", "ports");
    Progress newer = Progress.EMPTY.activeOn("/var/lib/docklab", "light");
    store.saveSoon(older);
    store.save(newer);
    store.flush();
    assertEquals(newer, new ProgressStore(store.file()).load());
  }

  @Test
  void aWriteThatFailedInTheBackgroundIsReportedByTheNextSaveSoon(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file where the folder would be");
    ProgressStore store = new ProgressStore(dir.resolve("blocker/progress.json"));
    IllegalStateException reported = null;
    for (int i = 0; i < 100 && reported == null; i++) {
      try {
        store.saveSoon(Progress.EMPTY.activeOn("/var/lib/docklab", "ports"));
        Thread.sleep(50);
      } catch (IllegalStateException e) {
        reported = e;
      }
    }
    assertTrue(reported != null && reported.getMessage().startsWith("cannot save your progress in "),
        String.valueOf(reported));
  }

  @Test
  void inMemoryKeepsNothingOnDisk() {
    ProgressStore store = ProgressStore.inMemory();
    store.save(Progress.EMPTY.activeOn("/tmp/x", "light"));
    assertEquals("light", store.load().active().get("/tmp/x"));
  }
}
