package dev.docklab.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A build context as the docker CLI sends it (a tar stream), unpacked into a scratch directory: no
 * entry may land outside it (no {@code ..}, no absolute path, no path through a symlink), no device,
 * and no more than {@link #MAX_BYTES} in all.
 */
final class ContextTar {
  /** The largest context unpacked: 2 GiB. */
  static final long MAX_BYTES = 2L << 30;

  private ContextTar() {}

  /**
   * The next entry, or null at the end. The docker CLI sends a context whose Dockerfile it added
   * ({@code -f} outside the context) without the last entry's padding and the end-of-archive blocks,
   * and dockerd accepts it: so does this, once the last entry's data was read whole.
   */
  private static TarArchiveEntry next(TarArchiveInputStream in) throws IOException {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Truncated TAR archive")) {
        return null;
      }
      throw e;
    }
  }

  static void unpack(InputStream tar, Path dir) throws IOException {
    Path root = dir.toRealPath();
    long total = 0;
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      TarArchiveEntry e;
      while ((e = next(in)) != null) {
        String name = e.getName();
        Path target = root.resolve(name).normalize();
        if (name.startsWith("/") || !target.startsWith(root)) {
          throw ApiError.badRequest("build context entry outside the context: " + name);
        }
        if (target.equals(root)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(root)) {
          throw ApiError.badRequest("build context entry through a symlink: " + name);
        }
        if (e.isSymbolicLink()) {
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isFile() && !e.isLink()) {
          total += e.getSize();
          if (total > MAX_BYTES) {
            throw new ApiError(413, "build context larger than " + (MAX_BYTES >> 30) + " GiB");
          }
          if (Files.isSymbolicLink(target)) {
            Files.delete(target);
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          if ((e.getMode() & 0111) != 0) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
