package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import java.util.List;

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

  /** A view of {@code engine} that lists the containers once. */
  static EngineView of(Engine engine) {
    return new LiveView(engine);
  }
}
