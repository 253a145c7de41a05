package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes files from disk into a tar as they are: directories, symlinks, regular files (a second name
 * of the same inode as a hardlink), devices and fifos, with mode, owner and mtime. Used for
 * container layers ({@code docker commit}) and whole filesystems ({@code docker export}).
 */
public final class TarWriter implements AutoCloseable {
  private final TarArchiveOutputStream tar;
  private final Map<Object, String> seenInodes = new HashMap<>();

  public TarWriter(OutputStream out) {
    tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Adds the file at {@code p} under the name {@code rel}. */
  public void add(String rel, Path p, BasicFileAttributes attrs) throws IOException {
    Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid,ino,nlink,rdev", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) unix.get("mode");
    TarArchiveEntry e;
    if (attrs.isDirectory()) {
      e = new TarArchiveEntry(rel + "/", TarConstants.LF_DIR);
    } else if (attrs.isSymbolicLink()) {
      e = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (attrs.isRegularFile() && (Integer) unix.get("nlink") > 1 && seenInodes.containsKey(unix.get("ino"))) {
      e = new TarArchiveEntry(rel, TarConstants.LF_LINK);
      e.setLinkName(seenInodes.get(unix.get("ino")));
    } else if (attrs.isRegularFile()) {
      e = new TarArchiveEntry(rel, TarConstants.LF_NORMAL);
      e.setSize(attrs.size());
      seenInodes.put(unix.get("ino"), rel);
    } else {
      int type = mode & 0170000;
      if (type == 0140000) {
        return; // a socket belongs to a running program, not to a filesystem image
      }
      long rdev = (Long) unix.get("rdev");
      e = new TarArchiveEntry(rel, type == 0010000 ? TarConstants.LF_FIFO
          : type == 0060000 ? TarConstants.LF_BLK : TarConstants.LF_CHR);
      e.setDevMajor((int) (((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfff)));
      e.setDevMinor((int) ((rdev & 0xff) | ((rdev >> 12) & ~0xff)));
    }
    e.setMode(mode & 07777);
    e.setIds((Integer) unix.get("uid"), (Integer) unix.get("gid"));
    e.setModTime(attrs.lastModifiedTime().toMillis());
    tar.putArchiveEntry(e);
    if (attrs.isRegularFile() && !e.isLink()) {
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }

  /** Adds an empty regular file (a {@code .wh.} marker). */
  public void addEmpty(String rel, long mtimeMillis) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(rel, TarConstants.LF_NORMAL);
    e.setSize(0);
    e.setModTime(mtimeMillis);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  /** Ends the archive (the underlying stream stays open). */
  @Override
  public void close() throws IOException {
    tar.finish();
    tar.flush();
  }
}
