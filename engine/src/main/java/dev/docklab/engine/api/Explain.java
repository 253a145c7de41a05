package dev.docklab.engine.api;

import java.util.Map;

/** The facts the {@code explain} views show, read from the engine's real state. */
public interface Explain {
  /** {@code explain layers}: the image as its stack of layers, with what each did and who shares it. */
  LayerReport layers(String imageRef);

  /** {@code explain cow}: the read-write layer, each entry a copy-up, new file, deletion or opaque dir. */
  Map<String, CowEvent> cow(String containerRef);

  /** {@code explain file}: which layer a path in a container comes from, top-most first. */
  FileReport file(String containerRef, String path);

  /** What each layer of an image holds at a path, top-most first (no container layer): a built image's files. */
  FileReport imageFile(String imageRef, String path);

  /** {@code explain boot}: live facts from a running container, or from one started for the purpose. */
  BootFacts boot(String containerRef);

  /** {@code explain network CONTAINER}: its namespace, interfaces, routes and port rules. */
  NetworkFacts network(String containerRef);

  /**
   * {@code explain drivers}: the driver in use and what the kernel offers; with an image, that image's
   * container root made by overlay2 and by vfs here (timed, its disk use counted) and removed again.
   */
  DriverFacts drivers(String imageRefOrNull);

  /** {@code explain mount}: the union mount, each lower dir mapped back to its layer. */
  MountReport mount(String containerRef);
}
