package dev.docklab.engine.api;

import java.util.List;
import java.util.Map;

/** {@code docker network ...}: the built-in {@code bridge}, {@code host}, {@code none}, and user networks. */
public interface Networks {
  /** The names {@code docker network ls} lists: Docker's three built-in ones, then the user networks. */
  List<String> list();

  /** {@code docker network inspect NAME}, in Docker's shape, with its running containers. */
  Map<String, Object> inspect(String name);

  /** {@code docker network create [--subnet CIDR] NAME}: a bridge of its own; returns its id. */
  String create(String name, String subnet);

  /** {@code docker network rm NAME}: refused for the predefined ones and while a container runs on it. */
  String remove(String name);

  /**
   * {@code docker network connect [--alias A] NETWORK CONTAINER}: the running container gets one more
   * interface, on {@code network}, where the other containers find it by name (and {@code aliases}).
   */
  void connect(String network, String container, List<String> aliases);

  /** {@code docker network disconnect NETWORK CONTAINER}: takes off what {@link #connect} put on. */
  void disconnect(String network, String container);

  /** {@code docker network prune}: the user networks no container uses; returns their names. */
  List<String> prune();
}
