package dev.docklab.engine.api;

import java.util.List;

/** {@code docker volume ...}: named and anonymous volumes. */
public interface Volumes {
  /** {@code docker volume ls}. */
  List<Volume> list();

  /** {@code docker volume create [NAME]}: a random name when {@code name} is null. */
  Volume create(String name);

  /** {@code docker volume rm}: refused while a container (running or not) uses it, as in Docker. */
  void remove(String name, boolean force);

  /** The names of the volumes no container uses ({@code docker volume prune}). */
  List<String> unused();
}
