package dev.docklab.engine.api;

import java.util.Map;

/** docklab's hub as its operator sees it: serve it, and manage its accounts and search metadata. */
public interface HubAdmin extends AutoCloseable {
  /** Serves the hub on {@code host:port} (0 for any free port); returns the port it listens on. */
  int start(String host, int port);

  /** Adds an account (an admin may also push to {@code library/...}). */
  void addUser(String name, String password, boolean admin);

  /** Removes an account. */
  void removeUser(String name);

  /** The accounts, by name: whether each is an admin. */
  Map<String, Boolean> users();

  /** What {@code docker search} shows of a repository ({@code library/busybox}). */
  RepositoryMeta meta(String repository);

  /** Changes what {@code docker search} shows of a repository. */
  void setMeta(String repository, RepositoryMeta meta);

  /**
   * The digest of the manifest {@code repository:tag} names on the hub ({@code library/busybox},
   * {@code latest}), or null when the hub has no such tag.
   */
  String digest(String repository, String tag);

  /** Removes the tag {@code repository:tag} from the hub (what other tags name stays); false when it had none. */
  boolean untag(String repository, String tag);

  /** Whether {@code name} is a valid repository name ({@code alice/app}). */
  boolean validRepository(String name);

  @Override
  void close();
}
