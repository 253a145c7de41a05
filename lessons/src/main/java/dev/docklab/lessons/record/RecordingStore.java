package dev.docklab.lessons.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a recording under way is kept between lines: {@code recording.json} beside the learner's
 * {@code progress.json}, so that quitting docklab, or the next {@code docklab -c}, goes on with it.
 * Written atomically; without a file it is kept in memory only.
 */
public final class RecordingStore {

  private final Path file;
  private Recording memory;

  public RecordingStore(Path file) {
    this.file = file;
  }

  /** The store beside {@code progressFile} (in memory when that is null). */
  public static RecordingStore beside(Path progressFile) {
    return new RecordingStore(progressFile == null ? null : progressFile.resolveSibling("recording.json"));
  }

  /** The recording under way, or null. */
  public Recording load() {
    if (file == null) {
      return memory;
    }
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(file.toFile(), Recording.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the recording in " + file + " (" + e.getMessage()
          + "); lesson record off drops it", e);
    }
  }

  /** Keeps {@code recording}, atomically. */
  public void save(Recording recording) {
    if (file == null) {
      memory = recording;
      return;
    }
    try {
      AtomicFile.write(file, Json.MAPPER.writeValueAsString(recording), true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the recording in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Ends the recording under way, if any. */
  public void clear() {
    if (file == null) {
      memory = null;
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove the recording " + file + ": " + e.getMessage(), e);
    }
  }

  /** Jackson, made on the first read or write of a recording and not before: the REPL's start makes this store. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
