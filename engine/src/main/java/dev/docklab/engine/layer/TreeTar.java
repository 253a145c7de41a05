package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** A directory tree as a tar, as {@code docker export} writes a container's filesystem. */
public final class TreeTar {
  private TreeTar() {}

  /** Writes {@code root} (not following symlinks; /proc and /sys contents skipped) to {@code out}. */
  public static void write(Path root, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(root)) {
          add(tar, root, dir, attrs);
        }
        String rel = root.relativize(dir).toString();
        return rel.equals("proc") || rel.equals("sys") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        add(tar, root, file, attrs);
        return FileVisitResult.CONTINUE;
      }
    });
    tar.finish();
    tar.flush();
  }

  private static void add(TarArchiveOutputStream tar, Path root, Path p, BasicFileAttributes attrs) throws IOException {
    String rel = root.relativize(p).toString();
    Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    TarArchiveEntry e;
    if (attrs.isDirectory()) {
      e = new TarArchiveEntry(rel + "/", TarConstants.LF_DIR);
    } else if (attrs.isSymbolicLink()) {
      e = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (attrs.isRegularFile()) {
      e = new TarArchiveEntry(rel, TarConstants.LF_NORMAL);
      e.setSize(attrs.size());
    } else {
      return; // devices, fifos and sockets are not part of an exported filesystem here
    }
    e.setMode((Integer) unix.get("mode") & 07777);
    e.setIds((Integer) unix.get("uid"), (Integer) unix.get("gid"));
    e.setModTime(attrs.lastModifiedTime().toMillis());
    tar.putArchiveEntry(e);
    if (attrs.isRegularFile()) {
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }
}
