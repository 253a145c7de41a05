package dev.docklab.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which images of a list have another image of it built on them (Docker's "parent" of a build step), found
 * through an index of the images by their history rather than by trying every pair.
 */
public final class ImageParents {
  private final Set<Digest> parents = new HashSet<>();

  /**
   * Indexes {@code images} by the hash of their history: an image can only be built on one whose history is
   * a proper prefix of its own, so each image looks up the hashes of its own prefixes (each from the one
   * before, as {@link List#hashCode} defines them) and checks only the images found there.
   */
  public ImageParents(List<Image> images) {
    Map<Integer, List<Image>> byHistory = new HashMap<>();
    for (Image img : images) {
      byHistory.computeIfAbsent(history(img).hashCode(), k -> new ArrayList<>()).add(img);
    }
    for (Image child : images) {
      int prefixHash = 1; // the hash of the empty list
      for (ImageConfig.History step : history(child)) {
        for (Image candidate : byHistory.getOrDefault(prefixHash, List.of())) {
          if (!parents.contains(candidate.id()) && child.isBuiltOn(candidate)) {
            parents.add(candidate.id());
          }
        }
        prefixHash = 31 * prefixHash + (step == null ? 0 : step.hashCode());
      }
    }
  }

  /** Whether another image of the list is built on {@code img}. */
  public boolean hasChild(Image img) {
    return parents.contains(img.id());
  }

  /** Untagged, and no image of the list built on it: what {@code --filter dangling=true} and prune take. */
  public boolean dangling(Image img) {
    return img.repoTags().isEmpty() && !hasChild(img);
  }

  private static List<ImageConfig.History> history(Image img) {
    return img.config().history() == null ? List.of() : img.config().history();
  }
}
