package dev.docklab.engine.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Images indexed by the hash of their history, so that an image's parent and whether an image has children are
 * found from the few images whose history can be a prefix of the other's, not by trying every pair.
 */
public final class ImageLineage {
  /** The images by the hash of their whole history: where an image looks for the images it is built on. */
  private final Map<Integer, Set<Digest>> byHistory = new HashMap<>();
  /** The images by the hash of each proper prefix of their history: where an image looks for its children. */
  private final Map<Integer, Set<Digest>> byPrefix = new HashMap<>();
  /** Each image, and its place in the order it was given in (which breaks a tie between two parents). */
  private final Map<Digest, Indexed> images = new LinkedHashMap<>();
  private long next;

  private record Indexed(Image image, long place) {}

  /** The index of {@code images}; of two equally close parents, the one earlier in this order is an image's parent. */
  public ImageLineage(List<Image> images) {
    images.forEach(this::add);
  }

  /** Adds an image after those indexed (an image already indexed keeps its place). */
  public void add(Image img) {
    if (images.containsKey(img.id())) {
      return;
    }
    images.put(img.id(), new Indexed(img, next++));
    List<ImageConfig.History> history = history(img);
    int hash = 1; // the hash of the empty list, then of each longer prefix, as List.hashCode defines them
    for (ImageConfig.History step : history) {
      byPrefix.computeIfAbsent(hash, k -> new LinkedHashSet<>()).add(img.id());
      hash = 31 * hash + (step == null ? 0 : step.hashCode());
    }
    byHistory.computeIfAbsent(hash, k -> new LinkedHashSet<>()).add(img.id());
  }

  /** Forgets an image. */
  public void remove(Digest id) {
    Indexed gone = images.remove(id);
    if (gone == null) {
      return;
    }
    int hash = 1;
    for (ImageConfig.History step : history(gone.image())) {
      drop(byPrefix, hash, id);
      hash = 31 * hash + (step == null ? 0 : step.hashCode());
    }
    drop(byHistory, hash, id);
  }

  /**
   * The image {@code img} is built on with the longest history (Docker's "Parent"), or null: of two as long,
   * the newer, then the one earlier in this index's order, as the first of a list newest first.
   */
  public Image parentOf(Image img) {
    Indexed best = null;
    int hash = 1;
    for (ImageConfig.History step : history(img)) {
      for (Digest id : byHistory.getOrDefault(hash, Set.of())) {
        Indexed candidate = images.get(id);
        if (img.isBuiltOn(candidate.image()) && (best == null || closer(candidate, best))) {
          best = candidate;
        }
      }
      hash = 31 * hash + (step == null ? 0 : step.hashCode());
    }
    return best == null ? null : best.image();
  }

  /** Whether an image of this index that {@code which} accepts is built on {@code img}. */
  public boolean hasChild(Image img, Predicate<Image> which) {
    for (Digest id : byPrefix.getOrDefault(history(img).hashCode(), Set.of())) {
      Image other = images.get(id).image();
      if (which.test(other) && other.isBuiltOn(img)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any image of this index is built on {@code img}. */
  public boolean hasChild(Image img) {
    return hasChild(img, other -> true);
  }

  /** Untagged, and no image of this index built on it: what {@code --filter dangling=true} and prune take. */
  public boolean dangling(Image img) {
    return img.repoTags().isEmpty() && !hasChild(img);
  }

  private static boolean closer(Indexed a, Indexed b) {
    int bySteps = Integer.compare(history(a.image()).size(), history(b.image()).size());
    if (bySteps != 0) {
      return bySteps > 0;
    }
    int byAge = a.image().created().compareTo(b.image().created());
    return byAge != 0 ? byAge > 0 : a.place() < b.place();
  }

  private static void drop(Map<Integer, Set<Digest>> index, int hash, Digest id) {
    Set<Digest> bucket = index.get(hash);
    if (bucket != null && bucket.remove(id) && bucket.isEmpty()) {
      index.remove(hash);
    }
  }

  private static List<ImageConfig.History> history(Image img) {
    return img.config().history() == null ? List.of() : img.config().history();
  }
}
