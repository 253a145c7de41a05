package dev.docklab.engine.store;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes files so that a reader sees either the old content or the new, never a half. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to a temp file beside {@code target}, syncs it to disk and renames it over. */
  public static void write(Path target, byte[] bytes) {
    write(target, bytes, true);
  }

  /**
   * Like {@link #write(Path, byte[])} but without waiting for the disk: for files the engine can
   * rebuild or reconcile after a crash (container state, bundles). Readers still see old or new.
   */
  public static void writeNoSync(Path target, byte[] bytes) {
    write(target, bytes, false);
  }

  /**
   * Like {@link #writeNoSync(Path, byte[])}, with the file's mode {@code perms} instead of the owner-only
   * mode of a new temp file: for files a container's processes read, whatever their user.
   */
  public static void writeNoSync(Path target, byte[] bytes, Set<PosixFilePermission> perms) {
    write(target, bytes, false, perms);
  }

  private static void write(Path target, byte[] bytes, boolean sync) {
    write(target, bytes, sync, null);
  }

  private static void write(Path target, byte[] bytes, boolean sync, Set<PosixFilePermission> perms) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        if (perms != null) {
          Files.setPosixFilePermissions(tmp, perms);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(ch)) {
          out.write(bytes);
          out.flush();
          if (sync) {
            ch.force(true);
          }
        }
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, target, describe(e));
    }
  }

  /** Renames {@code source} to {@code target} atomically, replacing what is there. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + source + " to " + target + " atomically (different filesystems)", e);
    }
  }

  /** A short human description of an I/O failure, with "no space left on device" made plain. */
  public static String describe(IOException e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (msg.contains("No space left on device")) {
      return "no space left on device";
    }
    return msg;
  }
}
