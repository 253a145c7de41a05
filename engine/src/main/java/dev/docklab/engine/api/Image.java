package dev.docklab.engine.api;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.ImageReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An image in the store.
 *
 * @param id the image id: the digest of its config
 * @param manifest the digest of its manifest
 * @param config the parsed config
 * @param repoTags the references that name it, in the order they were added
 * @param size the bytes of its unpacked layers
 * @param repoDigests the {@code name@digest} references it was pulled or pushed as
 */
public record Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size,
    List<ImageReference> repoDigests) {

  public Image {
    repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
  }

  /** An image known by its tags only. */
  public Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size) {
    this(id, manifest, config, repoTags, size, List.of());
  }

  /** The layers' diff ids, bottom first. */
  public List<Digest> diffIds() {
    return config.diffIdsOrEmpty().stream().map(Digest::parse).toList();
  }

  /**
   * Whether this image is {@code parent} plus more steps (how a build's step images relate, Docker's
   * "Parent"): the parent's layers and history come first in this one's.
   */
  public boolean isBuiltOn(Image parent) {
    if (id.equals(parent.id())) {
      return false;
    }
    List<ImageConfig.History> mine = config.history() == null ? List.of() : config.history();
    List<ImageConfig.History> theirs = parent.config().history() == null ? List.of() : parent.config().history();
    List<Digest> myLayers = diffIds();
    List<Digest> theirLayers = parent.diffIds();
    return mine.size() > theirs.size() && mine.subList(0, theirs.size()).equals(theirs)
        && myLayers.size() >= theirLayers.size() && myLayers.subList(0, theirLayers.size()).equals(theirLayers);
  }

  /** Its layers, by diff id, bottom first: what {@code explain layers} draws and containers share. */
  public List<Digest> layers() {
    return diffIds();
  }

  /** A short summary for JShell: the short id, the names, the number of layers and the size. */
  @Override
  public String toString() {
    return "Image[id=" + id.shortHex() + ", tags=" + repoTags.stream().map(ImageReference::familiarString).toList()
        + ", layers=" + diffIds().size() + ", size=" + Summaries.size(size) + "]";
  }

  /** When the image was made, from its config (the epoch when absent). */
  public Instant created() {
    try {
      return config.created() == null ? Instant.EPOCH : Instant.parse(config.created());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
