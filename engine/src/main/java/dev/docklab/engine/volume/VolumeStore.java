package dev.docklab.engine.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Volume;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named volumes: {@code volumes/NAME/_data} holds the files, {@code volumes/NAME/volume.json} the record. */
public final class VolumeStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Layout layout;

  public VolumeStore(Layout layout) {
    this.layout = layout;
  }

  public Path data(String name) {
    return layout.volume(name).data();
  }

  /** Creates the volume when it does not exist; returns it. */
  public synchronized Volume create(String name, boolean anonymous) {
    Volume v = get(name);
    if (v != null) {
      return v;
    }
    try {
      Files.createDirectories(data(name));
      write(new Volume(name, data(name), Instant.now().toString(), false, anonymous));
      return get(name);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.VOLUME_CREATE_FAILED, e, name, e.getMessage());
    }
  }

  public synchronized Volume get(String name) {
    Path f = layout.volume(name).config();
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      Map<?, ?> m = JSON.readValue(f.toFile(), Map.class);
      return new Volume(name, data(name), String.valueOf(m.get("createdAt")), Boolean.TRUE.equals(m.get("seeded")),
          Boolean.TRUE.equals(m.get("anonymous")));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.VOLUME_READ_FAILED, e, name, e.getMessage());
    }
  }

  public synchronized void markSeeded(String name) {
    Volume v = get(name);
    if (v != null) {
      write(new Volume(name, v.data(), v.createdAt(), true, v.anonymous()));
    }
  }

  private void write(Volume v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("createdAt", v.createdAt());
    m.put("seeded", v.seeded());
    m.put("anonymous", v.anonymous());
    try {
      AtomicFiles.write(layout.volume(v.name()).config(), JSON.writeValueAsBytes(m));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.VOLUME_WRITE_FAILED, e, v.name(), e.getMessage());
    }
  }

  public synchronized List<Volume> list() {
    List<Volume> out = new ArrayList<>();
    if (!Files.isDirectory(layout.volumes())) {
      return out;
    }
    try (var dirs = Files.list(layout.volumes())) {
      for (Path d : dirs.sorted().toList()) {
        Volume v = get(d.getFileName().toString());
        if (v != null) {
          out.add(v);
        }
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.VOLUME_LIST_FAILED, e, e.getMessage());
    }
    return out;
  }

  /** Deletes the volume and its files (callers check that no container uses it). */
  public synchronized void remove(String name) {
    try {
      Files.deleteIfExists(layout.volume(name).config());
      Trees.deleteRecursively(layout.volume(name).dir());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.VOLUME_REMOVE_FAILED, e, name, e.getMessage());
    }
  }
}
