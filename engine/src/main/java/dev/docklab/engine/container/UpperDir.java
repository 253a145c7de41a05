package dev.docklab.engine.container;

import dev.docklab.engine.sys.Posix;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A container's read-write layer (overlayfs upper dir) read back: what changed ({@code docker
 * diff}) and the same changes as an OCI layer tar ({@code docker commit}): an overlay whiteout (char
 * device 0:0) becomes {@code .wh.NAME}, an opaque directory gets {@code DIR/.wh..wh..opq}.
 */
public final class UpperDir {
  private static final String OPAQUE = "trusted.overlay.opaque";
  private final Path upper;
  private final List<Path> lowersTopFirst;
  private final Posix posix;

  public UpperDir(Path upper, List<Path> lowersTopFirst, Posix posix) {
    this.upper = upper;
    this.lowersTopFirst = lowersTopFirst;
    this.posix = posix;
  }

  /** One change, as {@code docker diff} prints it: A (added), C (changed) or D (deleted), and the path. */
  public record Change(char kind, String path) {}

  /** Every change in the upper dir, sorted by path. */
  public List<Change> changes() throws IOException {
    List<Change> out = new ArrayList<>();
    walk((rel, p, attrs) -> {
      if (isWhiteout(p, attrs)) {
        out.add(new Change('D', "/" + rel));
      } else {
        out.add(new Change(existsBelow(rel) ? 'C' : 'A', "/" + rel));
      }
    });
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  /** Writes the upper dir as an OCI layer tar to {@code out}. */
  public void writeTar(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Map<Object, String> seenInodes = new HashMap<>();
    IOException[] failure = {null};
    walk((rel, p, attrs) -> {
      try {
        Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid,ino,nlink,rdev", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        if (isWhiteout(p, attrs)) {
          String name = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
          TarArchiveEntry wh = new TarArchiveEntry(name + ".wh." + p.getFileName(), TarConstants.LF_NORMAL);
          wh.setSize(0);
          wh.setModTime(attrs.lastModifiedTime().toMillis());
          tar.putArchiveEntry(wh);
          tar.closeArchiveEntry();
          return;
        }
        TarArchiveEntry e;
        if (attrs.isDirectory()) {
          e = new TarArchiveEntry(rel + "/", TarConstants.LF_DIR);
        } else if (attrs.isSymbolicLink()) {
          e = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
          e.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (attrs.isRegularFile() && (Integer) unix.get("nlink") > 1
            && seenInodes.containsKey(unix.get("ino"))) {
          e = new TarArchiveEntry(rel, TarConstants.LF_LINK);
          e.setLinkName(seenInodes.get(unix.get("ino")));
        } else if (attrs.isRegularFile()) {
          e = new TarArchiveEntry(rel, TarConstants.LF_NORMAL);
          e.setSize(attrs.size());
          seenInodes.put(unix.get("ino"), rel);
        } else {
          int type = mode & 0170000;
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
        if (e.isFile() && !e.isLink()) {
          try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(tar);
          }
        }
        tar.closeArchiveEntry();
        if (attrs.isDirectory() && isOpaque(p)) {
          TarArchiveEntry opq = new TarArchiveEntry(rel + "/.wh..wh..opq", TarConstants.LF_NORMAL);
          opq.setSize(0);
          tar.putArchiveEntry(opq);
          tar.closeArchiveEntry();
        }
      } catch (IOException ex) {
        failure[0] = ex;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    tar.finish();
    tar.flush();
  }

  private interface Visitor {
    void visit(String rel, Path p, BasicFileAttributes attrs);
  }

  private void walk(Visitor v) throws IOException {
    if (!Files.isDirectory(upper)) {
      return;
    }
    Files.walkFileTree(upper, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(upper)) {
          v.visit(upper.relativize(dir).toString(), dir, attrs);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        v.visit(upper.relativize(file).toString(), file, attrs);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static boolean isWhiteout(Path p, BasicFileAttributes attrs) {
    if (!attrs.isOther()) {
      return false;
    }
    try {
      Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      return (((Integer) a.get("mode")) & 0170000) == 0020000 && ((Long) a.get("rdev")) == 0L;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isOpaque(Path dir) {
    byte[] v = posix.lgetxattr(dir, OPAQUE);
    return v != null && v.length == 1 && v[0] == 'y';
  }

  /** Whether {@code rel} exists in the image below (the top-most layer that has it, or hides it, wins). */
  private boolean existsBelow(String rel) {
    for (Path lower : lowersTopFirst) {
      Path p = lower.resolve(rel);
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return !isWhiteout(p, a);
      } catch (IOException e) {
        // not in this layer: look lower
      }
    }
    return false;
  }
}
