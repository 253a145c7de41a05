package dev.docklab.engine.digest;

import dev.docklab.engine.api.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 helpers: hashing bytes, and streams that hash what passes through them. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh sha256 {@link MessageDigest}. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return Digest.sha256(HexFormat.of().formatHex(newDigest().digest(bytes)));
  }

  /** The digest a finished {@link MessageDigest} holds. */
  public static Digest of(MessageDigest digest) {
    return Digest.sha256(HexFormat.of().formatHex(digest.digest()));
  }

  /** An input stream that hashes and counts every byte read through it. */
  public static final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest = newDigest();
    private long count;

    public HashingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        digest.update(buf, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must still be hashed.
      byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 0))];
      long left = n;
      while (left > 0) {
        int r = read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          break;
        }
        left -= r;
      }
      return n - left;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Reads to the end so that the digest covers the whole stream. */
    public void drain() throws IOException {
      byte[] buf = new byte[8192];
      while (read(buf, 0, buf.length) >= 0) {
        // keep hashing
      }
    }

    /** The digest of everything read so far. */
    public Digest digest() {
      return of(digest);
    }

    public long count() {
      return count;
    }
  }

  /** An output stream that hashes and counts every byte written through it. */
  public static final class HashingOutputStream extends OutputStream {
    private final OutputStream out;
    private final MessageDigest digest = newDigest();
    private long count;

    public HashingOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      digest.update(buf, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    public Digest digest() {
      return of(digest);
    }

    public long count() {
      return count;
    }
  }
}
