package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that bounds every header before it is read: a GNU long name or link at most
 * PATH_MAX (4096 bytes), a PAX header at most 1 MiB (as Go's archive/tar, which Docker uses), all
 * global PAX headers together at most 1 MiB, at most 1024 header records for one entry, names at
 * most PATH_MAX with no part over NAME_MAX (255). Sparse files are refused (no image tool writes
 * them, and a few bytes of sparse map can declare terabytes). commons-compress 1.28 reads such
 * headers whole into memory, so a gzip of 1 MB declaring a 1 GiB name took gigabytes.
 */
public final class BoundedTarInputStream extends TarArchiveInputStream {
  /** Linux's PATH_MAX: the longest path a system call takes, its final NUL included. */
  public static final int PATH_MAX = 4096;
  /** Linux's NAME_MAX: the longest name of one directory entry. */
  public static final int NAME_MAX = 255;
  static final int PAX_MAX = 1 << 20;
  static final int GLOBAL_PAX_MAX = 1 << 20;
  static final int RECORDS_PER_ENTRY_MAX = 1024;
  private static final byte[] SPARSE_KEY = "GNU.sparse.".getBytes(StandardCharsets.US_ASCII);

  private int depth;
  private int records;
  private long globalPaxBytes;
  private int sparseMatched;
  private long entries;

  public BoundedTarInputStream(InputStream in) {
    super(in, StandardCharsets.UTF_8.name());
  }

  /** The next entry, its long names and PAX headers applied and checked; null at the end. */
  @Override
  public TarArchiveEntry getNextEntry() throws IOException {
    if (depth == 0) {
      records = 0;
      entries++;
    }
    depth++;
    TarArchiveEntry e;
    try {
      e = super.getNextEntry(); // long names and PAX headers call back into this method for the entry they precede
    } finally {
      depth--;
    }
    if (depth == 0 && e != null) {
      checkName(e.getName(), "name");
      if (e.isSymbolicLink() || e.isLink()) {
        checkName(e.getLinkName(), "link target");
      }
      if (e.isSparse()) {
        throw refused("entry " + entries + " (" + EntryNames.brief(e.getName()) + ") is a sparse file: "
            + "docklab does not unpack sparse files");
      }
    }
    return e;
  }

  @Override
  protected byte[] readRecord() throws IOException {
    if (++records > RECORDS_PER_ENTRY_MAX) {
      throw refused("entry " + entries + " has more than " + RECORDS_PER_ENTRY_MAX + " header records");
    }
    return super.readRecord();
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    TarArchiveEntry e = getCurrentEntry();
    boolean pax = e != null && (e.isPaxHeader() || e.isGlobalPaxHeader());
    if (e != null && (e.isGNULongNameEntry() || e.isGNULongLinkEntry()) && e.getSize() > PATH_MAX) {
      throw refused("entry " + entries + " declares a GNU long " + (e.isGNULongLinkEntry() ? "link" : "name")
          + " of " + e.getSize() + " bytes; a path has at most " + PATH_MAX);
    }
    if (pax && e.getSize() > PAX_MAX) {
      throw refused("entry " + entries + " declares a PAX header of " + e.getSize() + " bytes; docklab reads at most "
          + PAX_MAX);
    }
    int n = super.read(buf, off, len);
    if (pax && n > 0) {
      if (e.isGlobalPaxHeader() && (globalPaxBytes += n) > GLOBAL_PAX_MAX) {
        throw refused("the global PAX headers add up to more than " + GLOBAL_PAX_MAX + " bytes");
      }
      scanForSparse(buf, off, n);
    }
    return n;
  }

  /** PAX sparse maps are read by commons-compress straight from the stream, unbounded: refuse them first. */
  private void scanForSparse(byte[] buf, int off, int n) throws IOException {
    for (int i = off; i < off + n; i++) {
      if (buf[i] == SPARSE_KEY[sparseMatched]) {
        if (++sparseMatched == SPARSE_KEY.length) {
          throw refused("entry " + entries + " is a sparse file (its PAX header has GNU.sparse.* records): "
              + "docklab does not unpack sparse files");
        }
      } else {
        sparseMatched = buf[i] == SPARSE_KEY[0] ? 1 : 0;
      }
    }
  }

  private void checkName(String name, String what) throws IOException {
    if (name == null) {
      return;
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= PATH_MAX) {
      throw refused("entry " + entries + " has a " + what + " of " + bytes + " bytes (" + EntryNames.brief(name)
          + "), over PATH_MAX (" + PATH_MAX + ")");
    }
    for (String part : name.split("/")) {
      if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        throw refused("entry " + entries + " has a " + what + " with a part longer than " + NAME_MAX + " bytes ("
            + EntryNames.brief(name) + ")");
      }
    }
  }

  private static IOException refused(String why) {
    return new OversizedTarException(why);
  }

  /** A header that is larger than any real file needs: the archive is refused as it is read. */
  public static final class OversizedTarException extends IOException {
    OversizedTarException(String message) {
      super(message);
    }
  }
}
