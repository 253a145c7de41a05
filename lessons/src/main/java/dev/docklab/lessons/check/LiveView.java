package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.FileReport;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.LogLine;
import dev.docklab.lessons.jshell.Snippets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  public String java(String snippet) {
    return Snippets.value(engine, snippet);
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

  @Override
  public String hubDigest(String repository, String tag) {
    try (HubAdmin hub = engine.registries().hub()) {
      return hub.digest(repository, tag);
    }
  }

  @Override
  public String user(String server) {
    return engine.registries().user(server);
  }

  @Override
  public Map<String, String> cow(String containerId) {
    Map<String, String> out = new HashMap<>();
    engine.explain().cow(containerId).forEach((path, e) -> out.put(path, e.kind()));
    return out;
  }

  @Override
  public String topLayer(String ref, String path) {
    try {
      List<FileReport.Entry> layers = engine.explain().imageFile(ref, path).layers();
      return layers.isEmpty() ? "NONE" : layers.get(0).kind();
    } catch (EngineException e) {
      return null; // no such image
    }
  }
}
