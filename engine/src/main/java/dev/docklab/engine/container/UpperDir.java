package dev.docklab.engine.container;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.layer.TarWriter;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    IOException[] failure = {null};
    try (TarWriter tar = new TarWriter(out)) {
      walk((rel, p, attrs) -> {
        if (failure[0] != null) {
          return;
        }
        try {
          if (isWhiteout(p, attrs)) {
            String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
            tar.addEmpty(dir + ".wh." + p.getFileName(), attrs.lastModifiedTime().toMillis());
            return;
          }
          tar.add(rel, p, attrs);
          if (attrs.isDirectory() && isOpaque(p)) {
            tar.addEmpty(rel + "/.wh..wh..opq", attrs.lastModifiedTime().toMillis());
          }
        } catch (IOException ex) {
          failure[0] = ex;
        }
      });
      if (failure[0] != null) {
        throw failure[0];
      }
    }
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
