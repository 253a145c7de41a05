package dev.docklab.engine.container;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Endpoint;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The networks a running container was connected to after its start ({@code docker network connect}), on disk. */
public final class ExtraNetworks {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One connection: the network, the interface in the container, its aliases and its endpoint.
   *
   * @param network the network's name
   * @param ifName the interface in the container's namespace ({@code eth1}...)
   * @param aliases more names it answers to on that network ({@code --alias})
   * @param endpoint its address there, as the CNI plugins gave it
   */
  public record Link(String network, String ifName, List<String> aliases, Endpoint endpoint) {}

  private ExtraNetworks() {}

  /** The connections recorded in {@code file} ({@code containers/ID/networks.json}); none when it is missing. */
  public static List<Link> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<Link>>() {});
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ENDPOINT_RECORD_FAILED, e, file, e.getMessage());
    }
  }

  static void write(Path file, List<Link> links) {
    try {
      if (links.isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        AtomicFiles.write(file, JSON.writeValueAsBytes(links));
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.ENDPOINT_RECORD_FAILED, e, file, e.getMessage());
    }
  }
}
