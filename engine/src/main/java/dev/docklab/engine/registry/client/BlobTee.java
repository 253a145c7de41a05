package dev.docklab.engine.registry.client;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A blob as it downloads: every byte read through it is hashed and written to a temp file, so that the
 * layer can be unpacked from the same bytes while they stream in, and the blob stored afterwards only if
 * it hashes to its digest. A failure of the download itself is kept apart from what the reader makes of
 * the bytes ({@link #downloadFailure}).
 */
final class BlobTee extends InputStream {
  private final InputStream in;
  private final OutputStream file;
  private final MessageDigest digest = Sha256.newDigest();
  private IOException downloadFailure;
  private boolean ended;
  private Digest result;

  BlobTee(InputStream in, Path file) throws IOException {
    this.in = in;
    // whole, block-aligned writes: the kernel zeroes the rest of each new block a short write leaves
    this.file = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (ended) {
      return -1;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      downloadFailure = e;
      throw e;
    }
    if (n < 0) {
      ended = true;
      result = Sha256.of(digest);
      file.close();
      return -1;
    }
    digest.update(b, off, n);
    file.write(b, off, n);
    return n;
  }

  /** Reads the rest of the blob, whatever its reader left (after a gzip trailer, or after a failure). */
  synchronized void drain() throws IOException {
    byte[] buf = new byte[1 << 16];
    while (read(buf, 0, buf.length) >= 0) {
      // keep hashing and writing
    }
  }

  /** The digest of the whole blob; after {@link #drain}. */
  synchronized Digest digest() {
    if (!ended) {
      throw new IllegalStateException("the blob was not read to its end");
    }
    return result;
  }

  /** Whether the whole blob was read. */
  synchronized boolean ended() {
    return ended;
  }

  /** The failure of reading the download itself, or null. */
  synchronized IOException downloadFailure() {
    return downloadFailure;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      file.close();
    } finally {
      in.close();
    }
  }
}
