package dev.docklab.engine.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.CachePruned;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The build cache ({@code build-cache.json}: a step's key to the image it made) and its pruning. An entry is
 * dangling when its image is gone, or is a step image with no name that no container uses and no named image
 * is built on.
 */
final class BuildCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  BuildCache(Path file) {
    this.file = file;
  }

  /** Every entry: step key to image id, in key order; empty when there is no cache. */
  Map<String, String> entries() {
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    try {
      Map<String, String> out = new TreeMap<>();
      JSON.readTree(file.toFile()).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    } catch (IOException e) {
      return new TreeMap<>(); // a cache that cannot be read only costs time
    }
  }

  /**
   * Drops the dangling entries (with {@code all}, every entry), deleting through {@code remove} the step
   * images only they kept; the file is rewritten atomically.
   */
  CachePruned prune(boolean all, List<Image> images, List<Container> containers,
      Function<String, Removal> remove) {
    Map<String, String> entries = entries();
    Map<String, Image> byId = new TreeMap<>();
    images.forEach(i -> byId.put(i.id().toString(), i));
    Set<String> used = new HashSet<>();
    containers.forEach(c -> used.add(c.imageId()));
    List<String> deleted = new ArrayList<>();
    Map<String, String> kept = new TreeMap<>();
    Set<String> toDelete = new HashSet<>();
    ImageLineage lineage = new ImageLineage(images);
    for (Map.Entry<String, String> e : entries.entrySet()) {
      Image img = byId.get(e.getValue());
      boolean needed = img != null && (used.contains(img.id().toString()) || !img.repoTags().isEmpty()
          || lineage.hasChild(img, o -> !o.repoTags().isEmpty()));
      if (needed && !all) {
        kept.put(e.getKey(), e.getValue());
        continue;
      }
      deleted.add(e.getKey().replaceFirst("^sha256:", ""));
      if (img != null && !needed) {
        toDelete.add(img.id().toString());
      }
    }
    long reclaimed = 0;
    for (String id : toDelete) {
      try {
        reclaimed += remove.apply(id).reclaimedBytes();
      } catch (EngineException gone) {
        // deleted with another step image, or used meanwhile
      }
    }
    if (!deleted.isEmpty()) {
      try {
        AtomicFiles.write(file, JSON.writeValueAsBytes(kept));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e); // a map of strings always serialises
      }
    }
    return new CachePruned(deleted, reclaimed);
  }
}
