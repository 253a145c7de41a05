package dev.docklab.engine.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.PrivateDirs;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Images {@code docker rmi} deleted while a lesson keeps what is removed, for undo: one record each in
 * {@code kept/images/}, with the image's names and everything it stands on. Its layers and blobs stay
 * in the store, and nothing collects them while the record is there.
 */
public final class KeptImages {
  private final Layout layout;

  public KeptImages(Layout layout) {
    this.layout = layout;
  }

  /**
   * A kept image.
   *
   * @param id its id (config digest)
   * @param manifest its manifest's digest
   * @param names its tags and digest references when it was deleted
   * @param layers its layers' diff ids
   * @param blobs the blobs it stands on: config, manifest, compressed layers
   * @param removedAt when it was deleted, ISO-8601
   * @param parent the image it was made from, as recorded; null when none (or kept before parents were)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Kept(String id, String manifest, List<String> names, List<String> layers, List<String> blobs,
      String removedAt, String parent) {
    public Kept {
      names = names == null ? List.of() : List.copyOf(names);
      layers = layers == null ? List.of() : List.copyOf(layers);
      blobs = blobs == null ? List.of() : List.copyOf(blobs);
    }

    /** When it was deleted. */
    public Instant removedInstant() {
      return Instant.parse(removedAt);
    }

    /** Its layers' diff ids, as digests. */
    public List<Digest> layerDigests() {
      return layers.stream().map(Digest::parse).toList();
    }

    /** The blobs it stands on, as digests. */
    public List<Digest> blobDigests() {
      return blobs.stream().map(Digest::parse).toList();
    }
  }

  /** Keeps {@code img} (with its names, which the caller is about to remove) as deleted at {@code at}. */
  public void keep(Image img, List<Digest> blobs, Instant at) {
    List<String> names = new ArrayList<>();
    img.repoTags().forEach(r -> names.add(r.toString()));
    img.repoDigests().forEach(r -> names.add(r.toString()));
    Kept k = new Kept(img.id().toString(), img.manifest().toString(), names,
        img.diffIds().stream().map(Digest::toString).toList(), blobs.stream().map(Digest::toString).toList(),
        at.toString(), img.parent() == null ? null : img.parent().toString());
    try {
      PrivateDirs.create(layout.kept());
      PrivateDirs.create(layout.keptImages());
      AtomicFiles.write(layout.keptImage(img.id()), ImageStore.JSON.writeValueAsBytes(k));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.UNDO_KEEP_IMAGE_FAILED, e, img.id().shortHex(), e.getMessage());
    }
  }

  /** Every kept image, oldest first; a record that cannot be read is left out (and dropped by the next sweep). */
  public List<Kept> list() {
    List<Kept> out = new ArrayList<>();
    for (Path f : records()) {
      try {
        out.add(ImageStore.JSON.readValue(f.toFile(), Kept.class));
      } catch (IOException | RuntimeException e) {
        // half a record: nothing can be restored from it
      }
    }
    out.sort(Comparator.comparing(Kept::removedInstant));
    return out;
  }

  /** The kept image {@code id}, or null. */
  public Kept get(Digest id) {
    return list().stream().filter(k -> k.id().equals(id.toString())).findFirst().orElse(null);
  }

  /** Forgets kept image {@code id}: what it stood on is then the collector's. */
  public void forget(Digest id) {
    try {
      Files.deleteIfExists(layout.keptImage(id));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.KEPT_IMAGE_DROP_FAILED, e, id.shortHex(), e.getMessage());
    }
  }

  /** Forgets every kept image, and any half-written record. */
  public void forgetAll() throws IOException {
    Trees.deleteRecursively(layout.keptImages());
  }

  /**
   * Brings back kept image {@code id} into {@code images}: its record, and each of its names that no
   * other image took since (those stay with the image that has them).
   *
   * @throws EngineException "No such removed image" when none is kept, or when a layer it needs is gone
   */
  public Image restore(ImageStore images, Digest id) {
    Kept k = get(id);
    if (k == null) {
      throw EngineException.notFound("No such removed image: " + id);
    }
    if (images.find(id.toString()) == null) {
      images.add(id, Digest.parse(k.manifest()), k.parent() == null ? null : Digest.parse(k.parent()));
    }
    for (String name : k.names()) {
      ImageReference ref = ImageReference.parse(name);
      if (images.byReference(ref) == null) {
        images.tag(ref, id);
      }
    }
    forget(id);
    return images.get(id);
  }

  private List<Path> records() {
    if (!Files.isDirectory(layout.keptImages())) {
      return List.of();
    }
    try (var files = Files.list(layout.keptImages())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LIST_FAILED, e, layout.keptImages(), e.getMessage());
    }
  }
}
