package dev.docklab.engine.registry.hub;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The hub's users ({@code docklab registry user add|rm}): a name, a bcrypt hash of the password and
 * whether the user is an admin, in {@code users.json} (mode 600). A user pushes into the namespace
 * of the same name; an admin also into {@code library/}.
 */
public final class Accounts {
  /** Docker Hub's rule for user names: 4 to 30 lowercase letters and digits. */
  private static final Pattern USER = Pattern.compile("[a-z0-9]{2,30}");
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);
  /** Checked against when the user does not exist, so that a wrong name takes as long as a wrong password. */
  private static final String NOBODY = BCRYPT.encode("nobody's password");
  private final Path file;

  /** One user as stored. */
  public record User(String hash, boolean admin) {}

  public Accounts(Path file) {
    this.file = file;
  }

  public synchronized Map<String, User> users() {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(HubStore.JSON.readValue(file.toFile(), new TypeReference<Map<String, User>>() {}));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_USERS_UNREADABLE, e, file, e.getMessage());
    }
  }

  /** Adds or replaces a user. */
  public synchronized void add(String name, String password, boolean admin) {
    if (!USER.matcher(name).matches()) {
      throw EngineException.invalid(EngineMessage.HUB_USER_NAME_INVALID, name);
    }
    if (password == null || password.length() < 6) {
      throw EngineException.invalid(EngineMessage.HUB_PASSWORD_SHORT);
    }
    Map<String, User> all = users();
    all.put(name, new User(BCRYPT.encode(password), admin));
    save(all);
  }

  public synchronized void remove(String name) {
    Map<String, User> all = users();
    if (all.remove(name) == null) {
      throw EngineException.notFound(EngineMessage.HUB_NO_SUCH_USER, name);
    }
    save(all);
  }

  /** The user when the password is right, else null (and the same time is spent either way). */
  public User check(String name, String password) {
    User u = users().get(name);
    if (u == null) {
      BCRYPT.matches(password, NOBODY);
      return null;
    }
    return BCRYPT.matches(password, u.hash()) ? u : null;
  }

  /** The actions {@code user} (null: anonymous) may take on {@code repository}: pull for all, push for its owner. */
  public List<String> allowed(String user, String repository) {
    User u = user == null ? null : users().get(user);
    boolean own = u != null && (repository.startsWith(user + "/") || u.admin() && (repository.startsWith("library/")
        || !repository.contains("/")));
    return own ? List.of("pull", "push", "delete") : List.of("pull");
  }

  private void save(Map<String, User> all) {
    try {
      AtomicFiles.write(file, HubStore.JSON.writeValueAsBytes(all));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.FILE_WRITE_FAILED, e, file, e.getMessage());
    }
  }
}
