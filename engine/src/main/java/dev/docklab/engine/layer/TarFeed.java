package dev.docklab.engine.layer;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A layer's uncompressed tar, decompressed on a thread of its own while the caller reads it
 * ({@link ReadAhead}): the inflating and the unpacking each get a core. The caller's side hashes it
 * (its diff id): the unpacking waits for the inflating more than the other way round. The thread
 * reads its input to the end of the compressed stream, so that a bad gzip or zstd trailer fails the
 * reader too.
 */
final class TarFeed implements AutoCloseable {
  private final ReadAhead ahead;
  private final Sha256.HashingInputStream tar;

  /** Starts decompressing {@code raw} (gzip, zstd or plain, as {@link LayerStore#decompress} detects). */
  TarFeed(InputStream raw) {
    ahead = new ReadAhead("docklab-inflate", () -> LayerStore.decompress(raw));
    tar = new Sha256.HashingInputStream(ahead);
  }

  /** The tar, as it is decompressed. */
  InputStream stream() {
    return tar;
  }

  /** Reads what the tar holds after its end-of-archive blocks, and returns the digest of all of it. */
  Digest drainedDigest() throws IOException {
    tar.transferTo(OutputStream.nullOutputStream());
    return tar.digest();
  }

  /** Stops the decompressing thread and waits for it: nothing reads the input once this returns. */
  @Override
  public void close() {
    ahead.close();
  }
}
