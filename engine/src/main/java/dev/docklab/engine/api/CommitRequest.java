package dev.docklab.engine.api;

import java.util.List;

/**
 * What {@code docker commit} is asked.
 *
 * @param container the container's name or id
 * @param reference the new image's name ({@code REPO[:TAG]}), or null for an untagged image
 * @param author {@code -a}
 * @param message {@code -m}
 * @param changes {@code -c} Dockerfile instructions applied to the config ({@code CMD ...})
 * @param pause whether to pause a running container while its layer is read ({@code -p}, on by default)
 */
public record CommitRequest(String container, String reference, String author, String message,
    List<String> changes, boolean pause) {
  public CommitRequest {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** {@code docker commit CONTAINER [REPO[:TAG]]}, nothing else. */
  public static CommitRequest of(String container, String reference) {
    return new CommitRequest(container, reference, null, null, List.of(), true);
  }
}
