package dev.docklab.engine.container;

import dev.docklab.engine.api.LogLine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a container's log in the k8s-file format its monitor writes: one line per output line,
 * {@code TIMESTAMP stdout|stderr F|P text}, where {@code P} marks a partial line that the next one
 * continues.
 */
public final class LogReader {
  private LogReader() {}

  /** Every complete line in the file. */
  public static List<LogLine> readAll(Path file) throws IOException {
    List<LogLine> lines = new ArrayList<>();
    if (!Files.exists(file)) {
      return lines;
    }
    Parser parser = new Parser(lines::add);
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      parser.accept(raw);
    }
    return lines;
  }

  /**
   * Follows the file from byte {@code offset}: passes each new line to {@code sink} until
   * {@code stop} says so (checked about every 100 ms when there is nothing new).
   */
  public static void follow(Path file, long offset, Consumer<LogLine> sink, BooleanSupplier stop)
      throws IOException, InterruptedException {
    Parser parser = new Parser(sink);
    StringBuilder pending = new StringBuilder();
    long pos = offset;
    while (true) {
      boolean progressed = false;
      if (Files.exists(file)) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
          if (f.length() > pos) {
            f.seek(pos);
            byte[] buf = new byte[(int) Math.min(1 << 20, f.length() - pos)];
            f.readFully(buf);
            pos += buf.length;
            pending.append(new String(buf, StandardCharsets.UTF_8));
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
              parser.accept(pending.substring(0, nl));
              pending.delete(0, nl + 1);
            }
            progressed = true;
          }
        }
      }
      if (!progressed) {
        if (stop.getAsBoolean()) {
          return;
        }
        Thread.sleep(100);
      }
    }
  }

  /** The current size of the log, where {@link #follow} starts after a full read. */
  public static long size(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /** Joins partial lines and parses the format. */
  private static final class Parser {
    private final Consumer<LogLine> sink;
    private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

    Parser(Consumer<LogLine> sink) {
      this.sink = sink;
    }

    void accept(String raw) {
      int a = raw.indexOf(' ');
      int b = a < 0 ? -1 : raw.indexOf(' ', a + 1);
      int c = b < 0 ? -1 : raw.indexOf(' ', b + 1);
      if (c < 0) {
        return;
      }
      Instant time;
      try {
        time = OffsetDateTime.parse(raw.substring(0, a)).toInstant();
      } catch (RuntimeException e) {
        return;
      }
      int stream = raw.substring(a + 1, b).equals("stderr") ? 2 : 1;
      boolean isPartial = raw.substring(b + 1, c).equals("P");
      StringBuilder buf = partial[stream - 1];
      buf.append(raw, c + 1, raw.length());
      if (!isPartial) {
        sink.accept(new LogLine(time, stream, buf.toString()));
        buf.setLength(0);
      }
    }
  }
}
