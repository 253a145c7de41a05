package dev.docklab.lessons.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file whole or not at all: a temporary file beside it, then a rename. */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Writes {@code text} to {@code file}; an existing file is replaced only when {@code replace}.
   *
   * @throws FileAlreadyExistsException when the file exists and {@code replace} is false
   */
  public static void write(Path file, String text, boolean replace) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!replace && Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (replace) {
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.move(tmp, file); // a rename in the same folder; refused if the file appeared meanwhile
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
