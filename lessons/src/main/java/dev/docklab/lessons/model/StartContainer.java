package dev.docklab.lessons.model;

import java.util.List;

/**
 * A container a lesson creates when it starts, labelled {@code docklab.lesson=ID} so that it is known
 * as the lesson's and never mistaken for the learner's own.
 *
 * @param name its name
 * @param image its image
 * @param command the command instead of the image's CMD (empty for the CMD)
 * @param tty {@code -t}
 * @param interactive {@code -i}
 * @param start whether it is started ({@code docker run -d}) or only created
 */
public record StartContainer(String name, String image, List<String> command, boolean tty, boolean interactive,
    boolean start) {
  public StartContainer {
    if (name == null || name.isBlank() || image == null || image.isBlank()) {
      throw new IllegalArgumentException("a start container needs a name and an image");
    }
    command = command == null ? List.of() : List.copyOf(command);
  }
}
