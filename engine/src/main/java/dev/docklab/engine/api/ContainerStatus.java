package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a container is doing, by the names {@code docker ps --filter status=} and inspect's State.Status use. */
public enum ContainerStatus {
  CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

  /** The name Docker shows: {@code running}, {@code exited}... */
  @JsonValue
  public String dockerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status Docker names {@code name}. */
  @JsonCreator
  public static ContainerStatus of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw EngineException.invalid(EngineMessage.CONTAINER_STATUS_INVALID, name);
    }
  }

  @Override
  public String toString() {
    return dockerName();
  }
}
