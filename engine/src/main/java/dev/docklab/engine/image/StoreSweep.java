package dev.docklab.engine.image;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Leases;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and removes, when the engine opens, the layers and blobs that no image stands on: what a crash
 * in rmi, commit, build or load left behind, which nothing else would ever see. Kept: everything an
 * image uses, the image of every container (even one whose record is gone), what an image kept for a
 * lesson's undo stands on, and what an unfinished pull's lease holds. It runs only while the engine
 * holds the data root's lock and before anything else, so no other operation can be half-way through
 * adding a layer. When any image cannot be read whole, nothing is removed: keeping garbage is better
 * than losing a layer.
 */
public final class StoreSweep {
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final Leases leases;

  public StoreSweep(BlobStore blobs, LayerStore layers, ImageStore images, Leases leases) {
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
    this.leases = leases;
  }

  /** What a sweep removed. */
  public record Swept(List<Digest> layers, List<Digest> blobs, long bytes) {}

  /** Removes the layers and blobs nothing uses; {@code containerImages} are the image ids containers were made from. */
  public Swept sweep(Collection<Digest> containerImages) throws IOException {
    return sweep(containerImages, Set.of());
  }

  /** As {@link #sweep(Collection)}, keeping {@code kept} too: the layers and blobs of images kept for undo. */
  public Swept sweep(Collection<Digest> containerImages, Collection<Digest> kept) throws IOException {
    Set<Digest> keepLayers = new HashSet<>();
    Set<Digest> keepBlobs = new HashSet<>();
    try {
      for (Image img : images.list()) {
        keepLayers.addAll(img.diffIds());
        keepBlobs.addAll(ImageStore.blobsOf(blobs, img));
      }
    } catch (EngineException e) {
      return new Swept(List.of(), List.of(), 0); // an image that cannot be read: do not guess what it uses
    }
    for (Digest id : containerImages) {
      keepBlobs.add(id);
      if (blobs.has(id)) {
        try {
          ImageConfig config = ImageStore.JSON.readValue(blobs.read(id), ImageConfig.class);
          config.diffIdsOrEmpty().forEach(d -> keepLayers.add(Digest.parse(d)));
        } catch (IOException | EngineException e) {
          return new Swept(List.of(), List.of(), 0);
        }
      }
    }
    Set<Digest> held = new HashSet<>(leases.held());
    held.addAll(kept);
    keepLayers.addAll(held);
    keepBlobs.addAll(held);
    long bytes = 0;
    List<Digest> goneLayers = layers.list().stream().filter(d -> !keepLayers.contains(d)).toList();
    for (Digest d : goneLayers) {
      bytes += layers.sizeOnDisk(d);
      layers.delete(d);
    }
    List<Digest> goneBlobs = blobs.list().stream().filter(d -> !keepBlobs.contains(d)).toList();
    for (Digest d : goneBlobs) {
      bytes += blobs.size(d);
      blobs.delete(d);
    }
    return new Swept(goneLayers, goneBlobs, bytes);
  }
}
