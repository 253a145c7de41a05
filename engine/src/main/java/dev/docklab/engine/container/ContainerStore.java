package dev.docklab.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.ContainerFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.PrivateDirs;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Containers on disk: one directory each, its record written atomically. The engine holds the data
 * root's lock, so it is the only writer and keeps the records in memory after the first read.
 */
public final class ContainerStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Layout layout;
  private Map<String, Container> cache;

  public ContainerStore(Layout layout) {
    this.layout = layout;
  }

  /** The data root the containers are in. */
  public Layout layout() {
    return layout;
  }

  public Path dir(String id) {
    return layout.container(id);
  }

  /** The files of container {@code id}. */
  public ContainerFiles files(String id) {
    return layout.containerFiles(id);
  }

  public synchronized void save(Container c) {
    try {
      if (!load().containsKey(c.id())) {
        PrivateDirs.create(dir(c.id())); // closed to other users: its upper dir may hold setuid files
      }
      // State is reconciled at start-up, so it need not wait for the disk.
      AtomicFiles.writeNoSync(files(c.id()).config(), JSON.writeValueAsBytes(c));
      load().put(c.id(), c);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONTAINER_SAVE_FAILED, e, c.shortId(), e.getMessage());
    }
  }

  /** Notes that {@code endpoint} of container {@code id} must be taken down some day. */
  public void saveEndpoint(String id, Endpoint endpoint) {
    try {
      Files.createDirectories(layout.endpoints());
      AtomicFiles.write(layout.endpoint(id), JSON.writeValueAsBytes(endpoint));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ENDPOINT_RECORD_FAILED, e, id, e.getMessage());
    }
  }

  public void deleteEndpoint(String id) {
    try {
      Files.deleteIfExists(layout.endpoint(id));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ENDPOINT_REMOVE_FAILED, e, id, e.getMessage());
    }
  }

  /** The endpoints not yet taken down, by container id. */
  public Map<String, Endpoint> endpoints() {
    Map<String, Endpoint> out = new TreeMap<>();
    if (!Files.isDirectory(layout.endpoints())) {
      return out;
    }
    try (var files = Files.list(layout.endpoints())) {
      for (Path f : files.filter(x -> x.getFileName().toString().matches("[0-9a-f]{64}\\.json")).toList()) {
        try {
          out.put(f.getFileName().toString().substring(0, 64), JSON.readValue(f.toFile(), Endpoint.class));
        } catch (IOException e) {
          // half a note: the namespace name alone is enough to undo it
          out.put(f.getFileName().toString().substring(0, 64), null);
        }
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LIST_FAILED, e, layout.endpoints(), e.getMessage());
    }
    return out;
  }

  /** Every container, newest first. */
  public synchronized List<Container> list() {
    List<Container> all = new ArrayList<>(load().values());
    all.sort(Comparator.comparing(Container::created).reversed());
    return all;
  }

  private Map<String, Container> load() {
    if (cache != null) {
      return cache;
    }
    Map<String, Container> read = new LinkedHashMap<>();
    if (Files.isDirectory(layout.containers())) {
      try (var dirs = Files.list(layout.containers())) {
        for (Path d : (Iterable<Path>) dirs::iterator) {
          Path f = files(d.getFileName().toString()).config();
          if (!Layout.isRemovedContainer(d) && Files.isRegularFile(f)) {
            Container c = JSON.readValue(f.toFile(), Container.class);
            read.put(c.id(), c);
          }
        }
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.CONTAINERS_LIST_FAILED, e, layout.containers(), e.getMessage());
      }
    }
    cache = read;
    return cache;
  }

  /**
   * Finds a container as Docker does: full id, then exact name, then unique id prefix.
   *
   * @throws EngineException "No such container" or an ambiguous prefix
   */
  public synchronized Container find(String nameOrId) {
    String key = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
    Map<String, Container> all = load();
    if (all.containsKey(key)) {
      return all.get(key);
    }
    Container byName = byName(key);
    if (byName != null) {
      return byName;
    }
    List<Container> byPrefix = key.isEmpty() ? List.of()
        : all.values().stream().filter(c -> c.id().startsWith(key)).toList();
    if (byPrefix.size() > 1) {
      throw EngineException.invalid("multiple IDs found with provided prefix: " + key);
    }
    if (byPrefix.isEmpty()) {
      throw EngineException.notFound("No such container: " + nameOrId);
    }
    return byPrefix.get(0);
  }

  /** The container with full id {@code id}, or null. */
  public synchronized Container byId(String id) {
    return load().get(id);
  }

  /** The container using {@code name}, or null. */
  public synchronized Container byName(String name) {
    return load().values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Deletes the container: its directory is renamed aside at once (so it is gone for every reader)
   * and its files are removed in the background; {@link #cleanTrash()} finishes what a crash left.
   */
  public synchronized void delete(String id) {
    deleteInBackground(dir(id), id);
    load().remove(id);
  }

  /** Renames {@code dir} (container {@code id}'s, live or kept) aside and deletes it in a thread of its own. */
  private void deleteInBackground(Path dir, String id) {
    Path trash = layout.removedContainer(id);
    try {
      if (Files.exists(dir)) {
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONTAINER_REMOVE_FAILED, e, id.substring(0, 12), e.getMessage());
    }
    Thread t = new Thread(() -> {
      try {
        Trees.deleteRecursively(trash);
      } catch (IOException e) {
        // finished at the next start
      }
    }, "remove-" + id.substring(0, 12));
    t.setDaemon(true);
    t.start();
  }

  /**
   * Keeps the container instead of deleting it (a lesson keeps what is removed, for undo): its note
   * first, then its whole directory renamed into {@code kept/containers/}, gone at once for every reader.
   */
  public synchronized void keep(String id, Instant removedAt, boolean removeVolumes) {
    try {
      PrivateDirs.create(layout.kept());
      PrivateDirs.create(layout.keptContainers());
      AtomicFiles.write(layout.keptContainerNote(id), JSON.writeValueAsBytes(new KeptContainer(id,
          removedAt.toString(), removeVolumes)));
      Files.move(dir(id), layout.keptContainer(id), StandardCopyOption.ATOMIC_MOVE);
      load().remove(id);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.UNDO_KEEP_CONTAINER_FAILED, e, id.substring(0, 12),
          e.getMessage());
    }
  }

  /** The kept containers whose directory and note are both there, oldest first. */
  public synchronized List<KeptContainer> kept() {
    List<KeptContainer> out = new ArrayList<>();
    for (Path note : keptNotes()) {
      String id = note.getFileName().toString().substring(0, 64);
      if (Files.isDirectory(layout.keptContainer(id))) {
        try {
          out.add(JSON.readValue(note.toFile(), KeptContainer.class));
        } catch (IOException e) {
          out.add(new KeptContainer(id, Instant.EPOCH.toString(), false)); // half a note: the first to drop
        }
      }
    }
    out.sort(Comparator.comparing(KeptContainer::removedInstant));
    return out;
  }

  /** The record of kept container {@code id}, or null when none is kept (or its record is unreadable). */
  public synchronized Container keptRecord(String id) {
    Path kept = layout.keptContainer(id).resolve(files(id).config().getFileName().toString());
    try {
      return Files.isRegularFile(kept) ? JSON.readValue(kept.toFile(), Container.class) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Puts kept container {@code id}'s directory back and records it as {@code record} (the caller has
   * checked that its id and name are free): the directory first, then the note goes.
   */
  public synchronized void restore(String id, Container record) {
    try {
      Files.move(layout.keptContainer(id), dir(id), StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(layout.keptContainerNote(id));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONTAINER_RESTORE_FAILED, e, id.substring(0, 12), e.getMessage());
    }
    save(record);
  }

  /** Deletes kept container {@code id} for good: its note first, then its directory in the background. */
  public synchronized void dropKept(String id) {
    try {
      Files.deleteIfExists(layout.keptContainerNote(id));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.KEPT_CONTAINER_DROP_FAILED, e, id.substring(0, 12), e.getMessage());
    }
    deleteInBackground(layout.keptContainer(id), id);
  }

  /** Deletes what a crash left half kept: a directory without its note, a note without its directory. */
  public synchronized void sweepHalfKept() throws IOException {
    if (!Files.isDirectory(layout.keptContainers())) {
      return;
    }
    for (Path note : keptNotes()) {
      if (!Files.isDirectory(layout.keptContainer(note.getFileName().toString().substring(0, 64)))) {
        Files.deleteIfExists(note);
      }
    }
    try (var entries = Files.list(layout.keptContainers())) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || (Files.isDirectory(p) && !Files.exists(layout.keptContainerNote(name)))) {
          Trees.deleteRecursively(p); // a temp file, or a directory whose note never came or went first
        }
      }
    }
  }

  private List<Path> keptNotes() {
    if (!Files.isDirectory(layout.keptContainers())) {
      return List.of();
    }
    try (var files = Files.list(layout.keptContainers())) {
      return files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.json")).toList();
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LIST_FAILED, e, layout.keptContainers(), e.getMessage());
    }
  }

  /** Removes what deletions interrupted by a crash left behind. */
  public void cleanTrash() throws IOException {
    if (!Files.isDirectory(layout.containers())) {
      return;
    }
    try (var dirs = Files.list(layout.containers())) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (Layout.isRemovedContainer(d)) {
          Trees.deleteRecursively(d);
        }
      }
    }
  }
}
