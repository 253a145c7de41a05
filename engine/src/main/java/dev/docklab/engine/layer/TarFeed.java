package dev.docklab.engine.layer;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A layer's uncompressed tar, decompressed and hashed (its diff id) on a thread of its own while the
 * caller reads it: the inflating and the unpacking each get a core. The thread reads its input to the
 * end of the compressed stream, so that a bad gzip or zstd trailer fails the reader too.
 */
final class TarFeed extends InputStream {
  private static final int CHUNK = 256 << 10;
  private static final byte[] END = new byte[0];
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
  /** Chunks the reader is done with, filled again rather than allocated afresh (zeroed, first touched). */
  private final BlockingQueue<byte[]> spent = new ArrayBlockingQueue<>(18);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean closed;
  private volatile Digest digest;
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /** Starts decompressing {@code raw} (gzip, zstd or plain, as {@link LayerStore#decompress} detects). */
  TarFeed(InputStream raw) {
    thread = new Thread(() -> run(raw), "docklab-inflate-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  private void run(InputStream raw) {
    try {
      Sha256.HashingInputStream tar = new Sha256.HashingInputStream(LayerStore.decompress(raw));
      while (true) {
        byte[] buf = spent.poll();
        if (buf == null) {
          buf = new byte[CHUNK];
        }
        int n = tar.readNBytes(buf, 0, CHUNK);
        if (n == 0) {
          break;
        }
        hand(n == CHUNK ? buf : Arrays.copyOf(buf, n));
      }
      digest = tar.digest();
      hand(END);
    } catch (Throwable t) {
      failure = t;
      chunks.clear();
      chunks.offer(END); // the reader takes it, then sees the failure
    }
  }

  private void hand(byte[] chunk) throws InterruptedException, IOException {
    // checked before each chunk too: close() empties the queue while it waits, so a full queue alone would
    // never stop a thread inflating a hostile stream of gigabytes
    while (closed || !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
      if (closed) {
        throw new IOException("the reader of the layer stopped");
      }
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (ended) {
        return -1;
      }
      take();
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  private void take() throws IOException {
    byte[] next;
    try {
      next = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("unpacking was interrupted");
    }
    if (next == END) {
      ended = true;
      rethrow();
    }
    if (current.length == CHUNK) {
      spent.offer(current);
    }
    current = next;
    pos = 0;
  }

  private void rethrow() throws IOException {
    WorkerFailure.rethrow(failure);
  }

  /** Reads what the tar holds after its end-of-archive blocks, so that the digest covers all of it. */
  void drain() throws IOException {
    while (!ended) {
      take();
    }
  }

  /** The digest of the whole uncompressed stream (after {@link #drain}). */
  Digest digest() {
    if (!ended || digest == null) {
      throw new IllegalStateException("the layer was not read to its end");
    }
    return digest;
  }

  /**
   * Stops the decompressing thread (at its next chunk) and waits for it, so that nothing reads the
   * input any more once this returns.
   */
  @Override
  public void close() {
    closed = true;
    chunks.clear();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join(100);
        chunks.clear();
      } catch (InterruptedException e) {
        interrupted = true;
        thread.interrupt();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
