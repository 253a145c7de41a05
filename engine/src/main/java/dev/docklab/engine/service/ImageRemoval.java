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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@code docker rmi}: removes a name; when it was the image's last name (or the image was named by
 * id), deletes the image, then every layer and blob no other image uses, then the untagged step
 * images under it that nothing else stands on. While a lesson keeps what is removed, the image is
 * kept (see {@link KeptImages}) and what it stands on stays until it is dropped.
 */
final class ImageRemoval {
  private final EngineParts p;
  private final KeptImages kept;
  /**
   * The blobs each manifest lists (with it and its config), by the manifest's digest: a manifest is content
   * addressed, so what it lists never changes. A removal asks for every remaining image's, and a prune removes many
   * images: read each manifest once, not once per removal.
   */
  private final Map<Digest, List<Digest>> listedBy = new ConcurrentHashMap<>();

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
   * {@code docker rmi [--no-prune]}, as Docker's classic image store does it; with {@code keep}, an image deleted
   * is kept with its names (and its layers and blobs stay) until {@link #dropKept}. It says what Docker would say
   * either way.
   *
   * <p>A name given is removed first (with its repository's digests when it was that repository's last tag); the
   * image goes only if no name is left, and then quietly: an image that others were made from, or that a running
   * container uses, just loses the name. An id given deletes the image and its names, refused while images were
   * made from it or a container runs it (even forced), while a stopped container uses it or while it has names in
   * more than one repository (unless forced).
   */
  Removal remove(String nameOrId, boolean force, boolean prune, boolean keep) {
    Image img = p.images().find(nameOrId);
    if (img == null) {
      throw EngineException.notFound("No such image: " + (Digest.isDigest(nameOrId) || nameOrId.matches("[0-9a-f]{4,64}")
          ? nameOrId : ImageReference.parse(nameOrId).withDefaultTag().familiarString()));
    }
    boolean byId = nameOrId.startsWith("sha256:") || img.id().hex().startsWith(nameOrId);
    List<String> untagged = new ArrayList<>();
    boolean quiet = false;
    if (!byId) {
      if (!force && singleReference(img)) {
        Container user = firstUsing(img, c -> true);
        if (user != null) {
          throw EngineException.conflict("conflict: unable to remove repository reference \"" + nameOrId
              + "\" (must force) - container " + user.shortId() + " is using its referenced image "
              + img.id().shortHex());
        }
      }
      ImageReference ref = ImageReference.parse(nameOrId).withDefaultTag();
      p.images().untag(ref);
      untagged.add(ref.familiarString());
      List<ImageReference> left = new ArrayList<>(references(img));
      left.remove(ref);
      // as Docker: the last tag of a repository gone, the digest references of that repository go with it
      if (!isDigestOnly(ref) && left.stream().noneMatch(r -> !isDigestOnly(r) && r.name().equals(ref.name()))) {
        for (ImageReference digestRef : List.copyOf(left)) {
          if (isDigestOnly(digestRef) && digestRef.name().equals(ref.name())) {
            p.images().untag(digestRef);
            untagged.add(digestRef.familiarString());
            left.remove(digestRef);
          }
        }
      }
      if (!left.isEmpty()) {
        return new Removal(untagged, List.of(), 0);
      }
      quiet = true; // the image goes too, if nothing holds it
    } else if (singleReference(img)) {
      Conflict conflict = conflict(img, !force, false);
      if (conflict != null) {
        throw conflict.refusal(img);
      }
      for (ImageReference ref : references(img)) {
        p.images().untag(ref);
        untagged.add(ref.familiarString());
      }
    }
    Removal r = delete(img, force, prune, quiet, keep);
    untagged.addAll(r.untagged());
    return new Removal(untagged, r.deleted(), r.reclaimedBytes());
  }

  /**
   * Deletes {@code img} (as named when the removal began), its names left, its layers and blobs no other image
   * uses, and with {@code prune} its parent while nothing else holds it; {@code quiet}: what holds the image is
   * not an error, unless the image is left with no name and no child and nothing runs it.
   */
  private Removal delete(Image img, boolean force, boolean prune, boolean quiet, boolean keep) {
    Image now = p.images().get(img.id());
    Conflict conflict = conflict(now, !force, !force);
    if (conflict != null) {
      if (quiet && (!p.images().dangling(now) || conflict.used())) {
        return new Removal(List.of(), List.of(), 0);
      }
      throw conflict.refusal(now);
    }
    List<String> untagged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    boolean usedByContainer = firstUsing(now, c -> true) != null; // forced past a stopped container
    List<Digest> ownBlobs = blobsOf(now);
    if (keep && !usedByContainer) {
      kept.keep(img, ownBlobs, Instant.now()); // first, with the names it had: a crash after it loses nothing
    }
    for (ImageReference ref : now.repoTags()) {
      p.images().untag(ref);
      untagged.add(ref.familiarString());
    }
    if (usedByContainer) {
      // Docker deletes the image and its containers keep their layers; here the layers are the image's, so the
      // image stays, nameless, for its containers
      return new Removal(untagged, deleted, 0);
    }
    for (ImageReference digestRef : now.repoDigests()) {
      p.images().untag(digestRef);
      untagged.add(digestRef.familiarString());
    }
    Image parent = p.images().parentOf(now);
    p.images().remove(now.id());
    CrashPoints.reach(CrashPoints.RMI_UNRECORDED);
    deleted.add(now.id().toString());
    Set<Digest> stillUsed = new HashSet<>();
    for (Image other : p.images().list()) {
      stillUsed.addAll(other.diffIds());
    }
    List<Digest> mine = new ArrayList<>(now.diffIds());
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
    // As Docker: the parent goes too while nothing holds it (no name, no other child, no container).
    if (prune && parent != null) {
      Removal more = delete(parent, false, true, true, keep);
      deleted.addAll(more.deleted());
      reclaimed += more.reclaimedBytes();
    }
    return new Removal(untagged, deleted, reclaimed);
  }

  /** What stops an image's deletion, in Docker's words; {@code used}: a container uses it. */
  private record Conflict(boolean hard, boolean used, String message) {
    EngineException refusal(Image img) {
      return EngineException.conflict("conflict: unable to delete " + img.id().shortHex() + " ("
          + (hard ? "cannot be forced" : "must be forced") + ") - " + message);
    }
  }

  /**
   * The first thing that stops {@code img}'s deletion, in Docker's order: images made from it and a running
   * container (always), its names ({@code names}: more than none), a stopped container ({@code stopped}).
   */
  private Conflict conflict(Image img, boolean stopped, boolean names) {
    if (p.images().hasChild(img)) {
      return new Conflict(true, false, "image has dependent child images");
    }
    Container running = firstUsing(img, c -> c.state().running());
    if (running != null) {
      return new Conflict(true, true, "image is being used by running container " + running.shortId());
    }
    if (names && !references(img).isEmpty()) {
      return new Conflict(false, false, "image is referenced in multiple repositories");
    }
    Container stoppedOne = firstUsing(img, c -> !c.state().running());
    if (stopped && stoppedOne != null) {
      return new Conflict(false, true, "image is being used by stopped container " + stoppedOne.shortId());
    }
    return null;
  }

  private Container firstUsing(Image img, Predicate<Container> which) {
    for (Container c : p.containerStore().list()) {
      if (c.imageId().equals(img.id().toString()) && which.test(c)) {
        return c;
      }
    }
    return null;
  }

  /** Its names: tags, then {@code name@digest} references. */
  private static List<ImageReference> references(Image img) {
    List<ImageReference> all = new ArrayList<>(img.repoTags());
    all.addAll(img.repoDigests());
    return all;
  }

  private static boolean isDigestOnly(ImageReference ref) {
    return ref.digest() != null && ref.tag() == null;
  }

  /** Docker's "single reference": at most one tag, and every name in that one repository (false for none). */
  private static boolean singleReference(Image img) {
    List<ImageReference> refs = references(img);
    if (refs.size() <= 1) {
      return refs.size() == 1;
    }
    ImageReference tag = null;
    Set<String> repositories = new HashSet<>();
    for (ImageReference ref : refs) {
      if (isDigestOnly(ref)) {
        repositories.add(ref.name());
      } else if (tag == null) {
        tag = ref;
      } else {
        return false;
      }
    }
    return repositories.size() == 1 && repositories.contains((tag == null ? refs.get(0) : tag).name());
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
      blobsInUse.addAll(blobsOf(other));
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

  /** {@link #blobsOf(BlobStore, Image)}, each manifest read once. */
  private List<Digest> blobsOf(Image img) {
    List<Digest> known = listedBy.get(img.manifest());
    if (known != null) {
      return known;
    }
    try {
      List<Digest> listed = List.copyOf(ImageStore.blobsOf(p.blobs(), img));
      listedBy.put(img.manifest(), listed);
      return listed;
    } catch (EngineException e) {
      return List.of(img.id(), img.manifest()); // a missing manifest has no layers to keep
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
