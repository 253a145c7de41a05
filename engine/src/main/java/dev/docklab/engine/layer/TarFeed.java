package dev.docklab.engine.layer;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;

/**
 * A layer's uncompressed tar, decompressed and hashed (its diff id) on a thread of its own while the
 * caller reads it ({@link ReadAhead}): the inflating and the unpacking each get a core. The thread
 * reads its input to the end of the compressed stream, so that a bad gzip or zstd trailer fails the
 * reader too.
 */
final class TarFeed implements AutoCloseable {
  private volatile Sha256.HashingInputStream tar;
  private final ReadAhead ahead;

  /** Starts decompressing {@code raw} (gzip, zstd or plain, as {@link LayerStore#decompress} detects). */
  TarFeed(InputStream raw) {
    ahead = new ReadAhead("docklab-inflate", () -> tar = new Sha256.HashingInputStream(LayerStore.decompress(raw)));
  }

  /** The tar, as it is decompressed. */
  InputStream stream() {
    return ahead;
  }

  /** Reads what the tar holds after its end-of-archive blocks, and returns the digest of all of it. */
  Digest drainedDigest() throws IOException {
    ahead.drain();
    return tar.digest();
  }

  /** Stops the decompressing thread and waits for it: nothing reads the input once this returns. */
  @Override
  public void close() {
    ahead.close();
  }
}
