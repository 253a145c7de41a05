package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.image.KeptImages;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.CrashPoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code docker rmi}: removes a name; when it was the image's last name (or the image was named by
 * id), deletes the image, then every layer and blob no other image uses, then the untagged step
 * images under it that nothing else stands on. While a lesson keeps what is removed, the image is
 * kept (see {@link KeptImages}) and what it stands on stays until it is dropped.
 */
final class ImageRemoval {
  private final EngineParts p;
  private final KeptImages kept;

  ImageRemoval(EngineParts parts) {
    this.p = parts;
    this.kept = new KeptImages(parts.layout());
  }

  private long layerSize(Digest d) {
    return p.layers().has(d) ? p.layers().get(d).size() : 0;
  }

  /** {@code docker rmi [--no-prune]}: with {@code prune} false, the untagged step images under it stay. */
  Removal remove(String nameOrId, boolean force, boolean prune) {
    return remove(nameOrId, force, prune, false);
  }

  /**
   * {@code docker rmi [--no-prune]}; with {@code keep}, an image deleted is kept with its names (and
   * its layers and blobs stay) until {@link #dropKept}. It says what Docker would say either way.
   */
  Removal remove(String nameOrId, boolean force, boolean prune, boolean keep) {
    Image img = p.images().find(nameOrId);
    if (img == null) {
      throw EngineException.notFound("No such image: " + (Digest.isDigest(nameOrId) || nameOrId.matches("[0-9a-f]{4,64}")
          ? nameOrId : ImageReference.parse(nameOrId).withDefaultTag().familiarString()));
    }
    boolean byId = nameOrId.startsWith("sha256:") || img.id().hex().startsWith(nameOrId);
    List<String> untagged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    if (!byId && img.repoTags().size() > 1) {
      ImageReference ref = ImageReference.parse(nameOrId).withDefaultTag();
      p.images().untag(ref);
      untagged.add(ref.familiarString());
      // as Docker: the last tag of a repository gone, the digest references of that repository go with it
      boolean repositoryTagged = img.repoTags().stream().anyMatch(t -> !t.equals(ref) && t.name().equals(ref.name()));
      if (!repositoryTagged) {
        for (ImageReference digestRef : img.repoDigests()) {
          if (digestRef.name().equals(ref.name())) {
            p.images().untag(digestRef);
            untagged.add(digestRef.familiarString());
          }
        }
      }
      return new Removal(untagged, deleted, 0);
    }
    if (byId && img.repoTags().size() > 1 && !force) {
      throw EngineException.conflict("conflict: unable to delete " + img.id().shortHex()
          + " (must be forced) - image is referenced in multiple repositories");
    }
    for (Container c : p.containerStore().list()) {
      if (c.imageId().equals(img.id().toString())) {
        if (c.state().running()) {
          throw EngineException.conflict("conflict: unable to delete " + img.id().shortHex()
              + " (cannot be forced) - image is being used by running container " + c.shortId());
        }
        if (!force) {
          throw EngineException.conflict(byId ? "conflict: unable to delete " + img.id().shortHex()
              + " (must be forced) - image is being used by stopped container " + c.shortId()
              : "conflict: unable to remove repository reference \"" + nameOrId + "\" (must force) - container "
                  + c.shortId() + " is using its referenced image " + img.id().shortHex());
        }
      }
    }
    boolean usedByContainer = p.containerStore().list().stream().anyMatch(c -> c.imageId().equals(img.id().toString()));
    List<Digest> ownBlobs = blobsOf(p.blobs(), img);
    if (keep && !usedByContainer) {
      kept.keep(img, ownBlobs, Instant.now()); // first: a crash after it loses nothing
    }
    for (ImageReference ref : img.repoTags()) {
      p.images().untag(ref);
      untagged.add(ref.familiarString());
    }
    if (usedByContainer) {
      return new Removal(untagged, deleted, 0); // forced: the name goes, the image stays for its containers
    }
    for (ImageReference digestRef : img.repoDigests()) {
      p.images().untag(digestRef);
      untagged.add(digestRef.familiarString());
    }
    Image parent = p.images().parentOf(img);
    p.images().remove(img.id());
    CrashPoints.reach(CrashPoints.RMI_UNRECORDED);
    deleted.add(img.id().toString());
    Set<Digest> stillUsed = new HashSet<>();
    for (Image other : p.images().list()) {
      stillUsed.addAll(other.diffIds());
    }
    List<Digest> mine = new ArrayList<>(img.diffIds());
    Collections.reverse(mine);
    long reclaimed = 0;
    List<Digest> gone = new ArrayList<>();
    for (Digest d : mine) {
      if (!stillUsed.contains(d)) {
        reclaimed += layerSize(d);
        gone.add(d);
        deleted.add(d.toString());
      }
    }
    collect(gone, ownBlobs);
    // As Docker: the untagged step images under it go too, while nothing else stands on them.
    if (prune && parent != null && parent.repoTags().isEmpty()
        && !p.images().hasChild(parent)
        && p.containerStore().list().stream().noneMatch(c -> c.imageId().equals(parent.id().toString()))) {
      Removal more = remove(parent.id().toString(), false, true, keep);
      deleted.addAll(more.deleted());
      reclaimed += more.reclaimedBytes();
    }
    return new Removal(untagged, deleted, reclaimed);
  }

  /**
   * Deletes for good the images kept before {@code before}, then whatever of their layers and blobs
   * no image (live or still kept) uses.
   */
  void dropKept(Instant before) {
    for (KeptImages.Kept k : kept.list()) {
      if (k.removedInstant().isBefore(before)) {
        kept.forget(Digest.parse(k.id()));
        collect(k.layerDigests(), k.blobDigests());
      }
    }
  }

  /** Deletes those of {@code layers} and {@code blobs} that no image, live or kept, stands on. */
  private void collect(List<Digest> layers, List<Digest> blobs) {
    Set<Digest> layersInUse = new HashSet<>();
    Set<Digest> blobsInUse = new HashSet<>();
    for (Image other : p.images().list()) {
      layersInUse.addAll(other.diffIds());
      blobsInUse.addAll(blobsOf(p.blobs(), other));
    }
    for (KeptImages.Kept k : kept.list()) {
      layersInUse.addAll(k.layerDigests());
      blobsInUse.addAll(k.blobDigests());
    }
    for (Digest d : layers) {
      if (!layersInUse.contains(d)) {
        p.layers().delete(d);
      }
    }
    for (Digest b : blobs) {
      if (!blobsInUse.contains(b)) {
        p.blobs().delete(b);
      }
    }
  }

  /** The blobs an image stands on: its config, its manifest and its layers' blobs (a missing manifest, none). */
  static List<Digest> blobsOf(BlobStore blobs, Image img) {
    try {
      return ImageStore.blobsOf(blobs, img);
    } catch (EngineException e) {
      return List.of(img.id(), img.manifest()); // a missing manifest has no layers to keep
    }
  }
}
