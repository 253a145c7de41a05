package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that create a layer's regular files while its tar is still being read. Each task owns
 * one path, which stays "pending" until the file is written with its metadata; the reader of the tar
 * {@link #settle settles} a path before it looks at it (a hardlink to it, a later entry for the same
 * path, a parent of a later entry) and {@link #settleAll settles everything} before it deletes a
 * directory, so the entries keep their order-sensitive meaning. With no threads, each task runs at once
 * on the caller's thread (the serial order of a plain unpack).
 */
final class FileWriters implements AutoCloseable {
  /** A file's body that is written on the reader's thread instead, not held in memory. */
  static final int MAX_HELD = 1 << 20;
  private static final int MAX_HELD_TOTAL = 32 << 20;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final Map<Path, CountDownLatch> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<Slab> freeSlabs = new LinkedBlockingQueue<>();
  private int slabs; // made so far; the reader's alone, as current is
  private Slab current;
  private final AtomicInteger running = new AtomicInteger();
  private volatile Throwable failure;
  private volatile boolean stopped;

  /** A pool of {@code threads} writers; 0 writes each file on the caller's thread. */
  FileWriters(int threads) {
    ThreadFactory named = run -> {
      Thread t = new Thread(run, "docklab-unpack-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = threads <= 0 ? null : Executors.newFixedThreadPool(threads, named);
  }

  /** What a writer does for one path; it may throw, and the first failure fails the unpack. */
  interface Task {
    void run() throws IOException;
  }

  /**
   * A file's body held until a writer has written it: a slice of a slab of {@link #MAX_HELD} bytes,
   * which goes back to the free slabs when all its bodies are written. The slabs are filled again, not
   * allocated for each file: fresh memory is zeroed and, on first touch, faulted in page by page.
   */
  record Body(byte[] bytes, int offset, int length, Slab slab) {}

  /** A slab of bodies: {@code refs} counts its bodies not yet written, and one more while it is filled. */
  static final class Slab {
    private final byte[] bytes = new byte[MAX_HELD];
    private final AtomicInteger refs = new AtomicInteger();
    private int used;
  }

  /**
   * Room for a body of {@code size} bytes (at most {@link #MAX_HELD}), waiting while the writers are
   * {@link #MAX_HELD_TOTAL} bytes behind; {@link #submit} gives it back when the file is written.
   */
  Body hold(int size) throws IOException {
    if (current == null || MAX_HELD - current.used < size) {
      if (current != null) {
        release(current);
      }
      current = freeSlab();
    }
    Body body = new Body(current.bytes, current.used, size, current);
    current.used += size;
    current.refs.incrementAndGet();
    return body;
  }

  private Slab freeSlab() throws IOException {
    Slab slab = freeSlabs.poll();
    if (slab == null && slabs < MAX_HELD_TOTAL / MAX_HELD) {
      slabs++;
      slab = new Slab();
    } else if (slab == null) {
      try {
        slab = freeSlabs.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("unpacking was interrupted");
      }
    }
    slab.used = 0;
    slab.refs.set(1);
    return slab;
  }

  private void release(Slab slab) {
    if (slab.refs.decrementAndGet() == 0) {
      freeSlabs.offer(slab);
    }
  }

  /** Writes {@code path} with {@code task} (later, on a writer), then gives back the room {@code body} held. */
  void submit(Path path, Body body, Task task) throws IOException {
    check();
    if (pool == null) {
      try {
        task.run();
      } finally {
        release(body.slab());
      }
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    pending.put(path, done);
    running.incrementAndGet();
    pool.execute(() -> {
      try {
        if (failure == null && !stopped) {
          task.run();
        }
      } catch (Throwable t) {
        fail(t);
      } finally {
        release(body.slab());
        pending.remove(path, done);
        done.countDown();
        if (running.decrementAndGet() == 0) {
          synchronized (running) {
            running.notifyAll();
          }
        }
      }
    });
  }

  /** Waits until nothing is pending at {@code path}: its file is there, whole, with its metadata. */
  void settle(Path path) throws IOException {
    if (pool == null) {
      return;
    }
    CountDownLatch done = pending.get(path);
    if (done != null) {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("unpacking was interrupted");
      }
    }
    check();
  }

  /** Waits until every file submitted so far is written; throws the first writer's failure. */
  void settleAll() throws IOException {
    if (pool != null) {
      synchronized (running) {
        while (running.get() > 0) {
          try {
            running.wait(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("unpacking was interrupted");
          }
        }
      }
    }
    check();
  }

  /** Throws the first failure of a writer, if any. */
  void check() throws IOException {
    WorkerFailure.rethrow(failure);
  }

  private void fail(Throwable t) {
    synchronized (this) {
      if (failure == null) {
        failure = t;
      }
    }
  }

  /**
   * Stops the writers: what is queued is dropped, and this returns only when no writer runs any more,
   * so that the caller may delete what they wrote.
   */
  @Override
  public void close() {
    if (pool == null) {
      return;
    }
    stopped = true; // queued tasks skip their work
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
