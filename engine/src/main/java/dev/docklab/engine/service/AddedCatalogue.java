package dev.docklab.engine.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.bootstrap.HubCatalogue;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hub's repositories {@code docklab images add} made, kept in the data root (written atomically). */
final class AddedCatalogue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  AddedCatalogue(Path file) {
    this.file = file;
  }

  /** The entries added so far, in the order they were added; none when the file is missing. */
  List<HubCatalogue.Entry> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<HubCatalogue.Entry>>() { }));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_DATA_UNREADABLE, e, file, e.getMessage());
    }
  }

  /** Adds {@code entry}, replacing one of the same repository, and writes the file through a temp file and a rename. */
  void put(HubCatalogue.Entry entry) {
    List<HubCatalogue.Entry> all = new ArrayList<>(read());
    all.removeIf(e -> e.repository().equals(entry.repository()));
    all.add(entry);
    try {
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, file, e.getMessage());
    }
  }
}
