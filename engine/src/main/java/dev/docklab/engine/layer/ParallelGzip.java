package dev.docklab.engine.layer;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip on every core, pigz's idea in its simplest form: the input is cut into blocks of 1 MiB, each
 * compressed at gzip's default level on its own thread into a gzip member, and the members written in
 * order. A file of several members is one gzip file (RFC 1952, section 2.2): gzip, Go's and Java's
 * readers read it whole, so every client can pull it. The size is within a few percent of {@code gzip -6}.
 */
public final class ParallelGzip {
  static final int BLOCK = 1 << 20;

  /** What was written: its digest and size. */
  public record Written(Digest digest, long size) {}

  private ParallelGzip() {}

  /** Compresses all of {@code in} into {@code out}; returns the digest and size of what was written. */
  public static Written compress(InputStream in, OutputStream out) throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "docklab-gzip");
      t.setDaemon(true);
      return t;
    });
    MessageDigest sha = Sha256.newDigest();
    long size = 0;
    Deque<Future<byte[]>> pending = new ArrayDeque<>();
    try {
      boolean any = false;
      while (true) {
        byte[] block = in.readNBytes(BLOCK);
        if (block.length == 0 && any) {
          break;
        }
        any = true;
        pending.add(pool.submit(() -> member(block)));
        if (pending.size() > 2 * threads) {
          size += write(pending.poll(), out, sha);
        }
        if (block.length < BLOCK) {
          break;
        }
      }
      while (!pending.isEmpty()) {
        size += write(pending.poll(), out, sha);
      }
      return new Written(Sha256.of(sha), size);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long write(Future<byte[]> member, OutputStream out, MessageDigest sha) throws IOException {
    byte[] bytes;
    try {
      bytes = member.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compressing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
    out.write(bytes);
    sha.update(bytes);
    return bytes.length;
  }

  private static byte[] member(byte[] block) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(block.length / 2 + 64);
    try (GZIPOutputStream gz = new DefaultLevel(buf)) {
      gz.write(block);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /** A gzip member at gzip's own default level (6). */
  private static final class DefaultLevel extends GZIPOutputStream {
    DefaultLevel(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }
  }

  /**
   * Whether a gzip blob holds its data uncompressed (its first deflate block is a stored block), as
   * docklab writes layers for its own store: such a blob is compressed before it leaves the machine.
   */
  public static boolean isStored(InputStream gzip) throws IOException {
    byte[] head = gzip.readNBytes(11);
    if (head.length < 11 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b || head[3] != 0) {
      return false; // not gzip, or gzip with optional header fields: not one of docklab's own
    }
    return ((head[10] >> 1) & 0x3) == 0;
  }
}
