package dev.docklab.engine.api;

import java.util.List;
import java.util.Map;

/** {@code docker system ...} and {@code docker inspect} of any object; the offline base images. */
public interface SystemService {
  /** {@code docker info}. */
  Info info();

  /** {@code docker system df}: the space images, containers, volumes and the build cache take. */
  DiskUsage df();

  /**
   * {@code docker inspect}: a container or an image, by name or id (containers first, as Docker), in
   * the Engine API's shape. {@code type} is "container", "image" or null for either.
   */
  Map<String, Object> inspect(String ref, String type);

  /** Whether an offline base image ({@code busybox}, {@code web}) was never made on this data root. */
  boolean baseImagesMissing();

  /** Builds the offline base images not made yet; returns the tags it made (empty if none). */
  List<String> ensureBaseImages();

  /** The host's kernel release, as {@code uname -r} prints it. */
  String kernel();
}
