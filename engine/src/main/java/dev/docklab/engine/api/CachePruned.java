package dev.docklab.engine.api;

import java.util.List;

/**
 * What {@code docker builder prune} did: the build cache entries it dropped (their ids, as Docker lists
 * "Deleted build cache objects") and the bytes freed by deleting the step images only the cache kept.
 */
public record CachePruned(List<String> deleted, long reclaimedBytes) {
  public CachePruned {
    deleted = List.copyOf(deleted);
  }
}
