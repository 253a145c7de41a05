package dev.docklab.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Deletes directory trees of the data root in two steps: an atomic rename into {@code trash/}, then
 * the slow delete there. A crash in between (or half-way through the delete) leaves nothing half
 * there in the store, only something in {@code trash/}, which the next start empties.
 */
public final class Trash {
  private final Layout layout;

  public Trash(Layout layout) {
    this.layout = layout;
  }

  /** Renames {@code dir} (under the data root) into the trash and deletes it there; a missing dir is not an error. */
  public void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.createDirectories(layout.trash());
    Path trashed = layout.trash().resolve(dir.getFileName() + "-" + UUID.randomUUID());
    AtomicFiles.move(dir, trashed);
    Trees.deleteRecursively(trashed);
  }

  /** Deletes what a crash left in the trash. */
  public void empty() throws IOException {
    Trees.deleteRecursively(layout.trash());
  }
}
