package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.RepositoryMeta;
import dev.docklab.engine.registry.RegistryError;
import dev.docklab.engine.registry.RepositoryNames;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** docklab's hub on its own data directory: {@code scripts/docklab registry ...}. */
public final class LocalHubAdmin implements HubAdmin {
  private final Path root;
  private final Consumer<String> log;
  /** Made on first need (serving, accounts): reading a tag or its digest touches only the store. */
  private Hub hub;

  /** The hub whose repositories and accounts live in {@code root}; {@code log} gets its request lines. */
  public LocalHubAdmin(Path root, Consumer<String> log) {
    this.root = root;
    this.log = log;
  }

  private synchronized Hub hub() {
    if (hub == null) {
      try {
        hub = new Hub(root, log == null ? null : log::accept);
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.HUB_DATA_UNREADABLE, e, root, e.getMessage());
      }
    }
    return hub;
  }

  @Override
  public int start(String host, int port) {
    try {
      return hub().start(host, port);
    } catch (EngineException e) {
      throw e;
    } catch (Exception e) {
      throw EngineException.system(EngineMessage.HUB_SERVE_FAILED, e, host + ":" + port, e.getMessage());
    }
  }

  @Override
  public void addUser(String name, String password, boolean admin) {
    hub().accounts().add(name, password, admin);
  }

  @Override
  public void removeUser(String name) {
    hub().accounts().remove(name);
  }

  @Override
  public Map<String, Boolean> users() {
    Map<String, Boolean> out = new TreeMap<>();
    hub().accounts().users().forEach((name, u) -> out.put(name, u.admin()));
    return out;
  }

  @Override
  public RepositoryMeta meta(String repository) {
    return new HubStore(root).meta(repository);
  }

  @Override
  public void setMeta(String repository, RepositoryMeta meta) {
    try {
      new HubStore(root).setMeta(repository, meta);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_META_WRITE_FAILED, e, repository, e.getMessage());
    }
  }

  @Override
  public String digest(String repository, String tag) {
    try {
      return new HubStore(root).manifest(repository, tag).digest().toString();
    } catch (RegistryError e) {
      return null; // no such repository or tag
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_TAG_READ_FAILED, e, repository, tag, e.getMessage());
    }
  }

  @Override
  public boolean untag(String repository, String tag) {
    try {
      new HubStore(root).deleteManifest(repository, tag);
      return true;
    } catch (RegistryError e) {
      return false; // it had no such tag
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HUB_TAG_REMOVE_FAILED, e, repository, tag, e.getMessage());
    }
  }

  @Override
  public boolean validRepository(String name) {
    return RepositoryNames.validName(name);
  }

  @Override
  public synchronized void close() {
    if (hub != null) {
      hub.close();
    }
  }
}
