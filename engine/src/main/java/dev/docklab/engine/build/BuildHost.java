package dev.docklab.engine.build;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What a build needs from the engine: images, throw-away containers, new layers, a cache. */
public interface BuildHost {
  /** The image a name or id names, or null. */
  Image findImage(String nameOrId);

  Image image(Digest id);

  /**
   * Runs {@code command} in a new container of {@code image}: {@code created} hears the container's id
   * before it starts (Docker prints "Running in ID" before the step's output); returns the id and exit code.
   */
  RunOutcome run(Image image, List<String> command, List<String> extraEnv, Consumer<String> created,
      BiConsumer<Integer, byte[]> output);

  /** The outcome of a RUN step's container. */
  record RunOutcome(String containerId, int exitCode) {}

  /** The container's changes as a new layer on {@code base}, with {@code config} (history included). */
  Digest commit(String containerId, Image base, ImageConfig config);

  void removeContainer(String containerId);

  /** A new image: {@code base}'s layers plus, when {@code tar} is not null, one layer from it. */
  Digest newImage(Image base, InputStream tar, ImageConfig config);

  /** Mounts {@code image}'s layers read-only for reading files (COPY --from); returns the mount point. */
  Path mountReadOnly(Image image);

  void unmountReadOnly(Path mountPoint);

  /** The build cache: the image a step made last time, by step key; null when none. */
  Digest cached(String key);

  void remember(String key, Digest image);

  /** Names an image. */
  void tag(String reference, Digest id);
}
