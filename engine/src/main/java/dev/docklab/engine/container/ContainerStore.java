package dev.docklab.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docklab.engine.EngineException;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Containers on disk: one directory each, its record written atomically. */
public final class ContainerStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Layout layout;

  public ContainerStore(Layout layout) {
    this.layout = layout;
  }

  public Path dir(String id) {
    return layout.container(id);
  }

  public synchronized void save(Container c) {
    try {
      AtomicFiles.write(dir(c.id()).resolve("container.json"), JSON.writeValueAsBytes(c));
    } catch (IOException e) {
      throw EngineException.system("could not save container " + c.shortId() + ": " + e.getMessage(), e);
    }
  }

  /** Every container, newest first. */
  public synchronized List<Container> list() {
    List<Container> all = new ArrayList<>();
    if (!Files.isDirectory(layout.containers())) {
      return all;
    }
    try (var dirs = Files.list(layout.containers())) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        Path f = d.resolve("container.json");
        if (Files.isRegularFile(f)) {
          all.add(JSON.readValue(f.toFile(), Container.class));
        }
      }
    } catch (IOException e) {
      throw EngineException.system("could not list containers in " + layout.containers() + ": " + e.getMessage(), e);
    }
    all.sort(Comparator.comparing(Container::created).reversed());
    return all;
  }

  /**
   * Finds a container as Docker does: full id, then exact name, then unique id prefix.
   *
   * @throws EngineException "No such container" or an ambiguous prefix
   */
  public synchronized Container find(String nameOrId) {
    String key = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
    List<Container> all = list();
    for (Container c : all) {
      if (c.id().equals(key)) {
        return c;
      }
    }
    for (Container c : all) {
      if (c.name().equals(key)) {
        return c;
      }
    }
    List<Container> byPrefix = key.isEmpty() ? List.of()
        : all.stream().filter(c -> c.id().startsWith(key)).toList();
    if (byPrefix.size() > 1) {
      throw EngineException.invalid("multiple IDs found with provided prefix: " + key);
    }
    if (byPrefix.isEmpty()) {
      throw EngineException.notFound("No such container: " + nameOrId);
    }
    return byPrefix.get(0);
  }

  /** The container using {@code name}, or null. */
  public synchronized Container byName(String name) {
    return list().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** Deletes the container's directory: record, bundle, upper and work dirs. */
  public synchronized void delete(String id) {
    try {
      // Drop the record first, so a crash midway leaves no half container behind in `docker ps -a`.
      Files.deleteIfExists(dir(id).resolve("container.json"));
      Trees.deleteRecursively(dir(id));
    } catch (IOException e) {
      throw EngineException.system("could not remove container " + id.substring(0, 12) + ": " + e.getMessage(), e);
    }
  }
}
