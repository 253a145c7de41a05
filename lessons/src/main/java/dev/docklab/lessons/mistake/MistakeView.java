package dev.docklab.lessons.mistake;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the mistake detectors read of the engine: its containers, the ports an image exposes, the logins. */
public interface MistakeView {
  /** Every container, running or not. */
  List<Container> containers();

  /** The ports the image {@code ref} (a name or an id) exposes, as {@code 80/tcp}; null when it is not here. */
  Set<String> exposes(String ref);

  /** Who is logged in to {@code registry} ({@code docker.io} for Docker Hub names), or null. */
  String user(String registry);

  /** The view of a real engine. */
  static MistakeView of(Engine engine) {
    return new MistakeView() {
      @Override
      public List<Container> containers() {
        return engine.containers().list(true);
      }

      @Override
      public Set<String> exposes(String ref) {
        Image image = engine.images().find(ref);
        if (image == null) {
          return null;
        }
        ImageConfig.RunConfig run = image.config().configOrEmpty();
        return run.exposedPorts() == null ? Set.of() : new TreeSet<>(run.exposedPorts().keySet());
      }

      @Override
      public String user(String registry) {
        return engine.registries().user(registry);
      }
    };
  }
}
