package dev.docklab.engine.image;

import dev.docklab.engine.digest.Digest;
import dev.docklab.engine.reference.ImageReference;
import java.time.Instant;
import java.util.List;

/**
 * An image in the store.
 *
 * @param id the image id: the digest of its config
 * @param manifest the digest of its manifest
 * @param config the parsed config
 * @param repoTags the references that name it, in the order they were added
 * @param size the bytes of its unpacked layers
 */
public record Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size) {

  /** The layers' diff ids, bottom first. */
  public List<Digest> diffIds() {
    return config.diffIdsOrEmpty().stream().map(Digest::parse).toList();
  }

  /** When the image was made, from its config (the epoch when absent). */
  public Instant created() {
    try {
      return config.created() == null ? Instant.EPOCH : Instant.parse(config.created());
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
