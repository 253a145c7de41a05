package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A directory tree as a tar, as {@code docker export} writes a container's filesystem. */
public final class TreeTar {
  private TreeTar() {}

  /** Writes {@code root} (not following symlinks; /proc and /sys contents skipped) to {@code out}. */
  public static void write(Path root, OutputStream out) throws IOException {
    try (TarWriter tar = new TarWriter(out)) {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!dir.equals(root)) {
            tar.add(root.relativize(dir).toString(), dir, attrs);
          }
          String rel = root.relativize(dir).toString();
          return rel.equals("proc") || rel.equals("sys") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          tar.add(root.relativize(file).toString(), file, attrs);
          return FileVisitResult.CONTINUE;
        }
      });
    }
  }
}
