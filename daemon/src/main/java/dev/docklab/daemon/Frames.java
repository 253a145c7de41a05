package dev.docklab.daemon;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's stream framing for a container without a terminal: each chunk is an 8-byte header (the
 * stream, 1 stdout or 2 stderr, three zero bytes, the length big-endian) and the bytes. With a
 * terminal, output is raw.
 */
final class Frames {
  static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  static final String RAW = "application/vnd.docker.raw-stream";
  private final OutputStream out;
  private final boolean raw;

  Frames(OutputStream out, boolean raw) {
    this.out = out;
    this.raw = raw;
  }

  /** Writes {@code data} of {@code stream} (1 stdout, 2 stderr) and flushes. */
  synchronized void write(int stream, byte[] data) throws IOException {
    if (!raw) {
      int n = data.length;
      out.write(new byte[] {(byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }
    out.write(data);
    out.flush();
  }
}
