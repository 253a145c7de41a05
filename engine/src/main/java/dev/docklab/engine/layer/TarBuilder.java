package dev.docklab.engine.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a layer tar in memory, entry by entry and with names exactly as given, owned by root and stamped with one fixed time so
 * that the same content always gives the same digest.
 */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
  private final Instant mtime;

  public TarBuilder(Instant mtime) {
    this.mtime = mtime;
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
    return put(e, mode, null);
  }

  public TarBuilder file(String name, int mode, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    e.setSize(content.length);
    return put(e, mode, content);
  }

  public TarBuilder file(String name, int mode, String content) {
    return file(name, mode, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return put(e, 0777, null);
  }

  public TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return put(e, 0644, null);
  }

  private TarBuilder put(TarArchiveEntry e, int mode, byte[] content) {
    e.setMode(mode);
    e.setIds(0, 0);
    e.setModTime(Date.from(mtime));
    try {
      tar.putArchiveEntry(e);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }

  /** Finishes the archive and returns its bytes. */
  public byte[] toBytes() {
    try {
      tar.finish();
      tar.close();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }
}
