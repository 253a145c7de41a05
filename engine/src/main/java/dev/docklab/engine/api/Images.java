package dev.docklab.engine.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code docker image ...}. An image is named by {@code ref}: a reference ({@code busybox},
 * {@code alice/app:v1}, {@code name@sha256:...}), its id or a unique prefix of its id.
 */
public interface Images {
  /** {@code docker images -a}: every image. */
  List<Image> list();

  /** The image {@code ref} names, or null. */
  Image find(String ref);

  /** The image {@code ref} names; fails with "No such image" when none does. */
  Image inspect(String ref);

  /** {@code docker tag SOURCE TARGET}: another name for the same image, nothing copied. */
  Image tag(String source, String target);

  /**
   * {@code docker rmi [-f] [--no-prune]}: removes a name; when it was the image's last name (or the
   * image was named by id), deletes the image and every layer no other image uses.
   */
  Removal remove(String ref, boolean force, boolean prune);

  /**
   * Brings back an image {@code docker rmi} deleted while removed things were kept (see
   * {@link SystemService#keepRemoved}): the same id, config and layers, and the names it had that no
   * other image took since. Fails with "No such removed image" when it is not kept.
   */
  Image restore(Digest id);

  /** {@code docker pull REF}: from the mirrors or the image's registry; tags it locally. */
  Pulled pull(String ref, Progress progress);

  /** {@code docker push REF}: the local image of that name to its registry. */
  Pushed push(String ref, Progress progress);

  /** The tags a repository has in its registry ({@code docker pull --all-tags}). */
  List<String> remoteTags(String repository);

  /** The image {@code docker run} uses: the local one, else pulled first, as {@code docker run} does. */
  Image resolveForRun(String ref, Progress progress);

  /**
   * {@code docker commit}: the container's read-write layer becomes a new layer on its image's
   * layers. Returns the new image id.
   */
  Digest commit(CommitRequest request);

  /** {@code docker commit CONTAINER REPO[:TAG]}. */
  default Digest commit(Container container, String reference) {
    return commit(CommitRequest.of(container.id(), reference));
  }

  /**
   * {@code docker build}: runs the Dockerfile's steps on this engine; {@code say} gets the builder's
   * lines, {@code output} what RUN steps print. Returns the new image id.
   */
  Digest build(BuildRequest request, Consumer<String> say, BiConsumer<Integer, byte[]> output);

  /**
   * {@code docker builder prune [-a]}: drops the build cache's entries that no image needs (their image is
   * gone, or is a step image with no name, no container and no named image built on it), deleting those step
   * images; with {@code all}, drops every entry, so that the next build runs every step again (the step images
   * named images stand on stay, as their parents).
   */
  CachePruned pruneBuildCache(boolean all);

  /** {@code docker save}: the named images as one docker-archive tar. */
  void save(List<String> refs, OutputStream out);

  /** {@code docker load}: images from a docker-archive or OCI layout tar. */
  List<Loaded> load(InputStream archive);

  /** {@code docker import}: a rootfs tarball becomes a one-layer image, tagged when {@code ref} is given. */
  Digest importImage(InputStream tarball, String ref, String source);

  /** The unpacked size of one layer, for {@code docker history}. */
  long layerSize(Digest diffId);
}
