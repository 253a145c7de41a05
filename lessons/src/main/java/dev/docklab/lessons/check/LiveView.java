package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.LogLine;
import java.util.List;

/** The engine's state through its api, the container list read once per view. */
final class LiveView implements EngineView {
  private final Engine engine;
  private List<Container> containers;

  LiveView(Engine engine) {
    this.engine = engine;
  }

  @Override
  public List<Container> containers() {
    if (containers == null) {
      containers = engine.containers().list(true);
    }
    return containers;
  }

  @Override
  public Image image(String ref) {
    try {
      return engine.images().find(ref);
    } catch (EngineException e) {
      return null; // not a valid reference: no image has that name
    }
  }

  @Override
  public List<Change> diff(String containerId) {
    return engine.containers().diff(containerId);
  }

  @Override
  public List<String> log(String containerId) {
    return engine.containers().logs(containerId).lines().stream().map(LogLine::text).toList();
  }
}
