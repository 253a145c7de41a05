package dev.docklab.engine.store;

import java.nio.file.Path;

/**
 * The files of one named volume, {@code volumes/NAME/} of the data root.
 *
 * @param dir the volume's directory
 */
public record VolumeFiles(Path dir) {
  /** {@code _data}: the volume's files, what containers mount. */
  public Path data() {
    return dir.resolve("_data");
  }

  /** {@code volume.json}: the volume's record. */
  public Path config() {
    return dir.resolve("volume.json");
  }
}
