package dev.docklab.engine.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A container's log in the k8s-file format that conmon also writes: one line per output line,
 * {@code TIMESTAMP stdout|stderr F|P text}, where {@code P} marks a partial line continued by the next.
 */
public final class LogFile implements AutoCloseable {
  private final OutputStream out;
  private final StringBuilder[] pending = {new StringBuilder(), new StringBuilder()};

  public LogFile(Path file) throws IOException {
    this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Records bytes the container wrote to stream 1 (stdout) or 2 (stderr). */
  public synchronized void append(int stream, byte[] bytes) throws IOException {
    StringBuilder buf = pending[stream - 1];
    buf.append(new String(bytes, StandardCharsets.UTF_8));
    int nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      write(stream, buf.substring(0, nl), 'F');
      buf.delete(0, nl + 1);
    }
  }

  private void write(int stream, String text, char kind) throws IOException {
    String line = Instant.now() + " " + (stream == 1 ? "stdout" : "stderr") + " " + kind + " " + text + "\n";
    out.write(line.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() throws IOException {
    for (int s = 1; s <= 2; s++) {
      if (pending[s - 1].length() > 0) {
        write(s, pending[s - 1].toString(), 'P');
      }
    }
    out.close();
  }
}
