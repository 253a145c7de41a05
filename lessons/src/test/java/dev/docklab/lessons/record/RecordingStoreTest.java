package dev.docklab.lessons.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.PortMapping;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording kept between lines, and the draft written whole or not at all. */
class RecordingStoreTest {
  @TempDir
  Path dir;

  @Test
  void aRecordingIsKeptBesideTheProgressAndReadBackTheSame() {
    Machine m = new Machine();
    m.image(1, List.of(1), null, null, List.of("sh"), "busybox");
    m.run("7", "web", "busybox", ContainerStatus.RUNNING, 0, List.of(new PortMapping("", 8080, 80, "tcp")), List.of(),
        List.of("sleep", "9"), Machine.LESSON);
    RecordingStore store = RecordingStore.beside(dir.resolve("progress.json"));
    assertNull(store.load());
    Recording r = new Recording("/var/lib/docklab", "2025-01-01T10:00:00Z", m.snapshot(), List.of()).with("docker ps");
    store.save(r);
    assertEquals(r, RecordingStore.beside(dir.resolve("progress.json")).load(), "a new docklab reads the same");
    assertEquals(List.of("recording.json"), names());
    store.clear();
    assertNull(store.load());
  }

  @Test
  void aFileIsWrittenOverOnlyWhenAskedAndNoTemporaryFileStays() throws Exception {
    Path file = dir.resolve("lesson.yaml");
    AtomicFile.write(file, "one\n", false);
    assertThrows(FileAlreadyExistsException.class, () -> AtomicFile.write(file, "two\n", false));
    assertEquals("one\n", Files.readString(file));
    AtomicFile.write(file, "two\n", true);
    assertEquals("two\n", Files.readString(file));
    assertEquals(List.of("lesson.yaml"), names());
  }

  private List<String> names() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
