package dev.docklab.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which image was made from which (Docker's "Parent"). An image made here records its parent (see
 * {@link Image#parentRecorded}); for one recorded before parents were kept, its parent is inferred: the image its
 * history and layers are a continuation of. Images are indexed by the hash of their history, so that an inferred
 * parent, and the images that infer theirs from an image, are found from the few images whose history can be a
 * prefix of the other's, not by trying every pair.
 */
public final class ImageLineage {
  /** The images by the hash of their whole history: where an image looks for the images it is built on. */
  private final Map<Integer, Set<Digest>> byHistory = new HashMap<>();
  /**
   * The images whose parent is inferred, by the hash of each proper prefix of their history: where an image looks
   * for its inferred children.
   */
  private final Map<Integer, Set<Digest>> byPrefix = new HashMap<>();
  /** The images made from each image, by its id, as they recorded it. */
  private final Map<Digest, Set<Digest>> recordedChildren = new HashMap<>();
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
    if (img.parentRecorded() && img.parent() != null) {
      recordedChildren.computeIfAbsent(img.parent(), k -> new LinkedHashSet<>()).add(img.id());
    }
    List<ImageConfig.History> history = history(img);
    int hash = 1; // the hash of the empty list, then of each longer prefix, as List.hashCode defines them
    for (ImageConfig.History step : history) {
      if (!img.parentRecorded()) {
        byPrefix.computeIfAbsent(hash, k -> new LinkedHashSet<>()).add(img.id());
      }
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
    if (gone.image().parentRecorded() && gone.image().parent() != null) {
      drop(recordedChildren, gone.image().parent(), id);
    }
    int hash = 1;
    for (ImageConfig.History step : history(gone.image())) {
      drop(byPrefix, hash, id);
      hash = 31 * hash + (step == null ? 0 : step.hashCode());
    }
    drop(byHistory, hash, id);
  }

  /**
   * The image {@code img} was made from (Docker's "Parent"), or null: the one it recorded, if this index has it;
   * inferred, the image it is built on with the longest history, of two as long the newer, then the one earlier
   * in this index's order, as the first of a list newest first.
   */
  public Image parentOf(Image img) {
    if (img.parentRecorded()) {
      Indexed recorded = img.parent() == null ? null : images.get(img.parent());
      return recorded == null ? null : recorded.image();
    }
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

  /**
   * Whether an image of this index that {@code which} accepts stands on {@code img}: one made from it or from one
   * made from it (and so on) as they recorded, or one recorded before parents were kept that is built on it.
   */
  public boolean hasChild(Image img, Predicate<Image> which) {
    List<Digest> todo = new ArrayList<>(recordedChildren.getOrDefault(img.id(), Set.of()));
    Set<Digest> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      Image child = images.get(todo.remove(todo.size() - 1)).image();
      if (which.test(child)) {
        return true;
      }
      for (Digest grandchild : recordedChildren.getOrDefault(child.id(), Set.of())) {
        if (seen.add(grandchild)) {
          todo.add(grandchild);
        }
      }
    }
    for (Digest id : byPrefix.getOrDefault(history(img).hashCode(), Set.of())) {
      Image other = images.get(id).image();
      if (which.test(other) && other.isBuiltOn(img)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any image of this index was made from {@code img}. */
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

  private static <K> void drop(Map<K, Set<Digest>> index, K key, Digest id) {
    Set<Digest> bucket = index.get(key);
    if (bucket != null && bucket.remove(id) && bucket.isEmpty()) {
      index.remove(key);
    }
  }

  private static List<ImageConfig.History> history(Image img) {
    return img.config().history() == null ? List.of() : img.config().history();
  }
}
