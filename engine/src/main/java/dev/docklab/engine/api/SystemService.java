package dev.docklab.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

  /**
   * {@code docklab images add}: builds one of the tutorial's images from a Debian mirror (adding the
   * {@code debian} base first when {@code tomcat} needs it), tags it, publishes it to docklab's hub and
   * lists it in the hub's catalogue, so that later classes search and pull it offline. {@code say} gets
   * each step's lines (debootstrap's, the builder's), {@code output} what a build's RUN prints. Returns
   * the tags it made; a failed add leaves no image and no tag behind.
   */
  List<String> addImage(ImageAddRequest request, Consumer<String> say, BiConsumer<Integer, byte[]> output);

  /**
   * While {@code on}, what {@code docker rm} and {@code docker rmi} remove is kept aside until it is
   * dropped, so that it can be brought back ({@link Containers#restore}, {@link Images#restore}): a
   * container's directory whole (its read-write layer with it), an image's record and names with the
   * layers and blobs it stands on. A lesson turns it on for its {@code undo}; it lasts on this data
   * root, for every engine opened on it, until turned off. Turning it off drops everything kept; an
   * engine that opens with it off drops what a crash left kept.
   */
  void keepRemoved(boolean on);

  /** Whether removed containers and images are kept (see {@link #keepRemoved}). */
  boolean keepsRemoved();

  /**
   * Deletes for good what was kept and removed before {@code before} ({@link Instant#MAX}: all of it):
   * containers with their files, images with the layers and blobs no other image uses.
   */
  void dropKept(Instant before);

  /** The host's kernel release, as {@code uname -r} prints it. */
  String kernel();
}
