package dev.docklab.engine.store;

import java.nio.file.Path;

/**
 * The files of one unpacked layer: {@code layers/HEX/} of the data root, or the temp dir it is
 * unpacked into before it is renamed there.
 *
 * @param dir the layer's directory
 */
public record LayerFiles(Path dir) {
  /** The layer's files, unpacked, with whiteouts in overlayfs's form. */
  public Path diff() {
    return dir.resolve("diff");
  }

  /** {@code layer.json}: the layer's diff id, size and entry count. */
  public Path config() {
    return dir.resolve("layer.json");
  }

  /** {@code index}: the layer's entries, their kinds and sizes, for {@code explain layers} (written once). */
  public Path index() {
    return dir.resolve("index");
  }

  /**
   * {@code complete}: written last, once {@link #diff} and {@link #config} are whole; a layer without
   * it is never used (it was cut short, or half deleted by a crash).
   */
  public Path complete() {
    return dir.resolve("complete");
  }
}
