package dev.docklab.engine.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * {@code docker login}'s store: {@code config.json} in docklab's own config directory
 * ({@code $DOCKLAB_CONFIG}, else {@code ~/.docklab}), in Docker's format ({@code auths.SERVER.auth}
 * = base64 of user:password). Unencrypted, as Docker warns; mode 600.
 */
public final class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  /** A user name and password. */
  public record Login(String user, String password) {}

  public Credentials(Path file) {
    this.file = file;
  }

  /** {@code $DOCKLAB_CONFIG/config.json} (or the {@code docklab.config} property), else {@code ~/.docklab/config.json}. */
  public static Credentials forUser() {
    String dir = System.getProperty("docklab.config", System.getenv("DOCKLAB_CONFIG"));
    if (dir == null || dir.isBlank()) {
      String home = System.getenv("HOME");
      dir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".docklab").toString();
    }
    return new Credentials(Path.of(dir, "config.json"));
  }

  public Path file() {
    return file;
  }

  public synchronized Login get(String server) {
    JsonNode auth = read().path("auths").path(server).path("auth");
    if (auth.isMissingNode() || auth.asText().isEmpty()) {
      return null;
    }
    String decoded = new String(Base64.getDecoder().decode(auth.asText()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0 ? null : new Login(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  public synchronized void put(String server, Login login) {
    ObjectNode root = read();
    ObjectNode auths = root.has("auths") ? (ObjectNode) root.get("auths") : root.putObject("auths");
    auths.putObject(server).put("auth", Base64.getEncoder().encodeToString(
        (login.user() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
    write(root);
  }

  /** Forgets the server's login; false when there was none. */
  public synchronized boolean remove(String server) {
    ObjectNode root = read();
    if (!(root.get("auths") instanceof ObjectNode auths) || auths.remove(server) == null) {
      return false;
    }
    write(root);
    return true;
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(file.toFile());
      return n instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.LOGINS_NOT_JSON, file);
    }
  }

  private void write(ObjectNode root) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, file, e.getMessage());
    }
  }
}
