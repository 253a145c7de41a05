package dev.docklab.lessons.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a learner's progress is kept: {@code progress.json} in {@code $DOCKLAB_CONFIG} (or the
 * {@code docklab.config} property), else in {@code ~/.docklab}, written atomically (a temporary file,
 * then a rename), so that a crash never leaves half a file. Without a file, it is kept in memory only.
 */
public final class ProgressStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private Progress memory = Progress.EMPTY;

  public ProgressStore(Path file) {
    this.file = file;
  }

  /** A store that keeps the progress in memory only ({@code lesson test}). */
  public static ProgressStore inMemory() {
    return new ProgressStore(null);
  }

  /** The learner's store, beside docklab's config. */
  public static ProgressStore fromEnvironment() {
    String dir = System.getProperty("docklab.config", System.getenv("DOCKLAB_CONFIG"));
    if (dir == null || dir.isBlank()) {
      String home = System.getenv("HOME");
      dir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".docklab").toString();
    }
    return new ProgressStore(Path.of(dir, "progress.json"));
  }

  /** The file, or null when kept in memory. */
  public Path file() {
    return file;
  }

  /** The saved progress (empty when nothing was saved yet). */
  public Progress load() {
    if (file == null) {
      return memory;
    }
    if (!Files.exists(file)) {
      return Progress.EMPTY;
    }
    try {
      Progress p = JSON.readValue(file.toFile(), Progress.class);
      return p == null ? Progress.EMPTY : p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read your progress in " + file + " (" + e.getMessage()
          + "); move the file away to start afresh", e);
    }
  }

  /** Saves {@code progress}, atomically. */
  public void save(Progress progress) {
    if (file == null) {
      memory = progress;
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".progress-", ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), progress);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot save your progress in " + file + ": " + e.getMessage(), e);
    }
  }
}
