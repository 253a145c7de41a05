package dev.docklab.lessons.model;

import java.util.List;

/**
 * What must be there, and what must not, when a lesson starts.
 *
 * @param images images present (pulled when missing) and absent (their names removed)
 * @param containers containers the lesson creates, labelled as the lesson's
 */
public record StartState(Images images, List<StartContainer> containers) {
  /** Nothing to prepare. */
  public static final StartState NONE = new StartState(null, null);

  public StartState {
    images = images == null ? new Images(null, null) : images;
    containers = containers == null ? List.of() : List.copyOf(containers);
  }

  /**
   * Images by reference.
   *
   * @param present images that must be there
   * @param absent names the lesson owns and removes at its start (a name other images share is only untagged)
   */
  public record Images(List<String> present, List<String> absent) {
    public Images {
      present = present == null ? List.of() : List.copyOf(present);
      absent = absent == null ? List.of() : List.copyOf(absent);
    }
  }
}
