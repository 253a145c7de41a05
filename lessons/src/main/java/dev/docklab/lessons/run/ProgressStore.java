package dev.docklab.lessons.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a learner's progress is kept: {@code progress.json} in {@code $DOCKLAB_CONFIG} (or the
 * {@code docklab.config} property), else in {@code ~/.docklab}, written atomically (a temporary file,
 * then a rename), so that a crash never leaves half a file. Without a file, it is kept in memory only.
 * What changes after every line is written a moment later on a thread of its own ({@link #saveSoon}),
 * so that the prompt never waits for the disk; {@link #flush} (and the JVM's exit) writes what is left.
 */
public final class ProgressStore {
  /** The stores with progress not on disk yet, which the JVM's exit writes. */
  private static final Set<ProgressStore> UNWRITTEN = ConcurrentHashMap.newKeySet();
  /** How long a progress given to {@link #saveSoon} waits, so that the lines of a burst are written once. */
  private static final long SOON_MS = 100;
  /** The thread that writes in the background, started on first use. */
  private static ScheduledExecutorService writer;

  private final Path file;
  private Progress memory = Progress.EMPTY;
  /** Held while the file is read or written: one at a time, the newest progress last. */
  private final Object disk = new Object();
  /** The progress {@link #saveSoon} was given and that is not on disk yet, or null. */
  private final AtomicReference<Progress> pending = new AtomicReference<>();
  /** The progress being written now, or null: {@link #load} need not wait for the write to end. */
  private volatile Progress writing;
  /** Why the last write in the background failed, for the next save to report; or null. */
  private final AtomicReference<IllegalStateException> failed = new AtomicReference<>();
  /** Whether a write is due already: the next ones wait for it. */
  private final AtomicBoolean due = new AtomicBoolean();

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

  /** The saved progress (empty when nothing was saved yet); what {@link #saveSoon} was given counts as saved. */
  public Progress load() {
    if (file == null) {
      return memory;
    }
    Progress soon = pending.get();
    if (soon == null) {
      soon = writing;
    }
    if (soon != null) {
      return soon;
    }
    synchronized (disk) {
      soon = pending.get();
      return soon != null ? soon : read();
    }
  }

  /** Saves {@code progress}, atomically, now (what {@link #saveSoon} was given before is superseded). */
  public void save(Progress progress) {
    if (file == null) {
      memory = progress;
      return;
    }
    synchronized (disk) {
      pending.set(null);
      write(progress);
      failed.set(null); // what failed in the background before is written now
    }
  }

  /**
   * Saves {@code progress} a moment later (0.1 s), on a thread of its own: {@link #load} returns it at once,
   * and a later save supersedes it. A write in the background that failed is reported here, by the next call.
   */
  public void saveSoon(Progress progress) {
    if (file == null) {
      memory = progress;
      return;
    }
    reportFailure();
    pending.set(progress);
    UNWRITTEN.add(this);
    if (due.compareAndSet(false, true)) {
      writer().schedule(() -> {
        due.set(false); // a saveSoon from now on needs a write of its own
        try {
          flush();
        } catch (IllegalStateException e) {
          failed.set(e);
        }
      }, SOON_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Writes now what {@link #saveSoon} was given and is not on disk yet. */
  public void flush() {
    UNWRITTEN.remove(this); // before taking what is pending: a saveSoon after this adds it again
    synchronized (disk) {
      Progress soon = pending.get();
      if (soon == null) {
        return;
      }
      writing = soon; // before it leaves pending, so that load always finds one of the two
      pending.compareAndSet(soon, null); // a newer one stays, for the next flush
      try {
        write(soon);
      } finally {
        writing = null;
      }
    }
  }

  private void reportFailure() {
    IllegalStateException e = failed.getAndSet(null);
    if (e != null) {
      throw e;
    }
  }

  /** The thread that writes in the background; the JVM's exit writes what it has not written yet. */
  private static synchronized ScheduledExecutorService writer() {
    if (writer == null) {
      writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docklab-progress");
        t.setDaemon(true);
        return t;
      });
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (ProgressStore store : UNWRITTEN) {
          try {
            store.flush();
          } catch (IllegalStateException e) {
            // the process is ending: nobody is left to tell (the line before was told of the same disk)
          }
        }
      }, "docklab-progress-exit"));
    }
    return writer;
  }

  private Progress read() {
    if (!Files.exists(file)) {
      return Progress.EMPTY;
    }
    try {
      Progress p = Json.MAPPER.readValue(file.toFile(), Progress.class);
      return p == null ? Progress.EMPTY : p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read your progress in " + file + " (" + e.getMessage()
          + "); move the file away to start afresh", e);
    }
  }

  private void write(Progress progress) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".progress-", ".tmp");
      try {
        Json.MAPPER.writeValue(tmp.toFile(), progress);
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

  /** Jackson, made on the first read or write of a progress and not before: the REPL's start makes this store. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
