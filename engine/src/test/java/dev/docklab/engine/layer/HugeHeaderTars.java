package dev.docklab.engine.layer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Tars whose first header declares a huge PAX {@code path} or GNU long name, made on the fly: the bytes
 * are really there (as in a small gzip of them), but never held in memory here.
 */
public final class HugeHeaderTars {
  /** What the issue measured: a 1 GiB name. */
  public static final long GIB = 1L << 30;

  private HugeHeaderTars() {}

  /** A PAX header ({@code x}) whose {@code path} record is {@code size} bytes long, then a file "x". */
  public static InputStream paxPath(long size) {
    String digits = Long.toString(size);
    byte[] head = (digits + " path=").getBytes(StandardCharsets.US_ASCII);
    long value = size - head.length - 1;
    return tar(header("././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC, size),
        new ByteArrayInputStream(head), repeat((byte) 'a', value), new ByteArrayInputStream(new byte[] {'\n'}),
        size);
  }

  /** A GNU long name header ({@code L}) of {@code size} bytes, then a file. */
  public static InputStream gnuLongName(long size) {
    return tar(header("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, size), repeat((byte) 'a', size - 1),
        new ByteArrayInputStream(new byte[1]), InputStream.nullInputStream(), size);
  }

  /** {@code tar} gzip-compressed into a byte array (about a thousandth of a long run of one byte). */
  public static byte[] gzip(InputStream tar) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(buf, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      tar.transferTo(gz);
    }
    return buf.toByteArray();
  }

  private static InputStream tar(byte[] header, InputStream a, InputStream b, InputStream c, long size) {
    int pad = (int) ((512 - size % 512) % 512);
    TarArchiveEntry file = new TarArchiveEntry("x");
    file.setSize(0);
    byte[] fileHeader = new byte[512];
    file.writeEntryHeader(fileHeader);
    return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(header), a, b, c,
        new ByteArrayInputStream(new byte[pad]), new ByteArrayInputStream(fileHeader),
        new ByteArrayInputStream(new byte[1024]))));
  }

  private static byte[] header(String name, byte type, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setSize(size);
    byte[] h = new byte[512];
    e.writeEntryHeader(h);
    return h;
  }

  /** {@code count} copies of {@code b}, made as they are read. */
  private static InputStream repeat(byte b, long count) {
    return new InputStream() {
      private long left = count;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        return b & 0xff;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(buf, off, off + n, b);
        left -= n;
        return n;
      }
    };
  }
}
