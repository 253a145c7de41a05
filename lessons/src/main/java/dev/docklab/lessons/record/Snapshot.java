package dev.docklab.lessons.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.docklab.engine.api.Engine;
import java.util.List;

/**
 * The engine's images and containers at one moment: before a teacher's recorded lines (the start state
 * of the draft lesson), or after them (the state its goal checks are suggested from).
 *
 * @param images the images that have a name
 * @param containers every container, newest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Snapshot(List<SeenImage> images, List<SeenContainer> containers) {
  public Snapshot {
    images = images == null ? List.of() : List.copyOf(images);
    containers = containers == null ? List.of() : List.copyOf(containers);
  }

  /** What {@code engine} holds now. */
  public static Snapshot take(Engine engine) {
    return new Snapshot(engine.images().list().stream().filter(i -> !i.repoTags().isEmpty()).map(SeenImage::of)
        .toList(), engine.containers().list(true).stream().map(SeenContainer::of).toList());
  }

  /** The image named {@code ref} (familiar, with its tag), or null. */
  public SeenImage image(String ref) {
    return images.stream().filter(i -> i.refs().contains(ref)).findFirst().orElse(null);
  }

  /** The image whose id is {@code id}, or null. */
  public SeenImage imageById(String id) {
    return images.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
  }

  /** The container whose id is {@code id}, or null. */
  public SeenContainer container(String id) {
    return containers.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }
}
