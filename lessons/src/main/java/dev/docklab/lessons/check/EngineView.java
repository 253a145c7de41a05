package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import java.util.List;
import java.util.Map;

/** The part of the engine's state checks read; one view serves one evaluation of a goal. */
public interface EngineView {
  /** Every container, newest first. */
  List<Container> containers();

  /** The image {@code ref} names, or null. */
  Image image(String ref);

  /** What the container changed in its read-write layer ({@code docker diff}). */
  List<Change> diff(String containerId);

  /** The lines of the container's log ({@code docker logs}). */
  List<String> log(String containerId);

  /**
   * The copy-on-write facts of the container's read-write layer by path: COPY_UP, NEW, DELETE (a
   * whiteout) or OPAQUE.
   */
  Map<String, String> cow(String containerId);

  /**
   * What the top layer of the image {@code ref} holds at {@code path}: FILE, DIR, LINK, WHITEOUT, OPAQUE
   * or NONE; null when there is no such image.
   */
  String topLayer(String ref, String path);

  /** The digest of the manifest docklab's hub has as {@code repository:tag}, or null. */
  String hubDigest(String repository, String tag);

  /** Who is logged in to {@code server} ({@code docker.io} for Docker Hub), or null. */
  String user(String server);

  /**
   * The value of a JShell snippet run on the engine (bound as {@code engine}), as JShell prints it;
   * null when it does not compile, throws or gives none.
   */
  default String java(String snippet) {
    return null;
  }

  /** A view of {@code engine} that lists the containers once. */
  static EngineView of(Engine engine) {
    return new LiveView(engine);
  }
}
