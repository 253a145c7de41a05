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
 * @param parent the image it was made from here (Docker's "Parent": the image a {@code docker commit}'s container
 *     ran, or a build's previous step), null when it has none
 * @param parentRecorded whether {@code parent} was recorded when the image was made; an image recorded before
 *     parents were kept (or made up by a test) has its parent inferred from the histories (see
 *     {@link ImageLineage})
 */
public record Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size,
    List<ImageReference> repoDigests, Digest parent, boolean parentRecorded) {

  public Image {
    repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
  }

  /** An image whose parent, if any, is inferred from the histories. */
  public Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size,
      List<ImageReference> repoDigests) {
    this(id, manifest, config, repoTags, size, repoDigests, null, false);
  }

  /** An image known by its tags only. */
  public Image(Digest id, Digest manifest, ImageConfig config, List<ImageReference> repoTags, long size) {
    this(id, manifest, config, repoTags, size, List.of());
  }

  /** The same image, shown with only {@code tags} of its names. */
  public Image withRepoTags(List<ImageReference> tags) {
    return new Image(id, manifest, config, tags, size, repoDigests, parent, parentRecorded);
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
