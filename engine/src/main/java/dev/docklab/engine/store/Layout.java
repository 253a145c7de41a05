package dev.docklab.engine.store;

import dev.docklab.engine.api.Digest;
import java.nio.file.Path;

/**
 * The one place that knows where things live under the data root (default {@code /var/lib/docklab}).
 *
 * <pre>
 * blobs/sha256/HEX             content-addressed blobs: layer tars, configs, manifests
 * layers/HEX/diff/             one unpacked layer, named by its diff id
 * layers/HEX/layer.json        its size and when it was unpacked
 * images/HEX.json              one image (by config digest): its manifest and layers
 * images/repositories.json     tags: reference to image id
 * containers/ID/               container.json, bundle/, upper/, work/, merged/ (rootfs)
 * runtime/                     the OCI runtime's state dir (runc --root)
 * exits/ID                     a container's exit code, written by its monitor (conmon)
 * tmp/                         temp files, renamed into place when complete
 * </pre>
 */
public record Layout(Path root) {
  public Layout {
    root = root.toAbsolutePath().normalize();
  }

  public Path blobs() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobs().resolve(digest.hex());
  }

  public Path layers() {
    return root.resolve("layers");
  }

  public Path layerDir(Digest diffId) {
    return layers().resolve(diffId.hex());
  }

  public Path layerDiff(Digest diffId) {
    return layerDir(diffId).resolve("diff");
  }

  public Path images() {
    return root.resolve("images");
  }

  public Path image(Digest id) {
    return images().resolve(id.hex() + ".json");
  }

  public Path repositories() {
    return images().resolve("repositories.json");
  }

  public Path containers() {
    return root.resolve("containers");
  }

  public Path container(String id) {
    return containers().resolve(id);
  }

  /** Where monitors write a container's exit code when it ends (file name: the id). */
  /**
   * {@code network/endpoints}: one file per container that is on the bridge, written before its
   * namespace is made and removed once it is taken down, so a crash in between leaves a note of
   * what to undo.
   */
  public Path endpoints() {
    return root.resolve("network").resolve("endpoints");
  }

  public Path exits() {
    return root.resolve("exits");
  }

  public Path runtimeState() {
    return root.resolve("runtime");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  public Path lockFile() {
    return root.resolve("engine.lock");
  }
}
