package dev.docklab.engine.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The note beside a container kept for undo ({@code kept/containers/ID.json}).
 *
 * @param id the container's full id
 * @param removedAt when {@code docker rm} removed it, ISO-8601
 * @param removeVolumes whether it was {@code docker rm -v}: its anonymous volumes go when it is dropped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeptContainer(String id, String removedAt, boolean removeVolumes) {
  /** When it was removed. */
  public Instant removedInstant() {
    return Instant.parse(removedAt);
  }
}
