package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream read to its end on a thread of its own, in chunks its reader takes from a queue, so that
 * what reading it costs (inflating a layer and hashing it; a download, its digest and its temp file)
 * runs beside what the reader does with the bytes. A failure of the source is thrown to the reader as
 * it was; closing stops the thread at its next chunk and waits for it, after which nothing reads the
 * source any more: the caller may go on reading it directly.
 */
public final class ReadAhead extends InputStream {
  /** A chunk's size: each hand-over wakes the reader, which costs more than copying 1 MiB does here. */
  private static final int CHUNK = 1 << 20;
  private static final byte[] END = new byte[0];
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** What the thread reads: opened on the thread itself, so that a blocking open costs the caller nothing. */
  public interface Source {
    InputStream open() throws IOException;
  }

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);
  /** Chunks the reader is done with, filled again rather than allocated afresh (zeroed, first touched). */
  private final BlockingQueue<byte[]> spent = new ArrayBlockingQueue<>(6);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean closed;
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /** Starts reading {@code source} on a daemon thread named {@code name} and a number. */
  public ReadAhead(String name, Source source) {
    thread = new Thread(() -> run(source), name + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Source source) {
    try {
      InputStream in = source.open();
      while (true) {
        byte[] buf = spent.poll();
        if (buf == null) {
          buf = new byte[CHUNK];
        }
        int n = in.readNBytes(buf, 0, CHUNK);
        if (n == 0) {
          break;
        }
        hand(n == CHUNK ? buf : Arrays.copyOf(buf, n));
      }
      hand(END);
    } catch (Throwable t) {
      failure = t;
      chunks.clear();
      chunks.offer(END); // the reader takes it, then sees the failure
    }
  }

  private void hand(byte[] chunk) throws InterruptedException, IOException {
    // checked before each chunk too: close() empties the queue while it waits, so a full queue alone would
    // never stop a thread reading a hostile stream of gigabytes
    while (closed || !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
      if (closed) {
        throw new IOException("the reader stopped");
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
      throw new InterruptedIOException("reading was interrupted");
    }
    if (next == END) {
      ended = true;
      WorkerFailure.rethrow(failure);
    }
    if (current.length == CHUNK) {
      spent.offer(current);
    }
    current = next;
    pos = 0;
  }

  /**
   * Stops the thread (at its next chunk) and waits for it, so that nothing reads the source any more
   * once this returns; what it read ahead and the reader did not take is dropped.
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
