package dev.docklab.lessons.run;

/**
 * What {@code undo} could not take back, and the engine's one-line reason.
 *
 * @param kind a container or an image that could not come back, or a step of undo that failed
 * @param what the container's name, the image's name, or the docker command undo tried
 * @param reason the engine's error
 */
public record NotUndone(Kind kind, String what, String reason) {
  /** What could not be undone. */
  public enum Kind {
    /** A container removed by the line, which could not come back. */
    CONTAINER,
    /** An image deleted by the line, which could not come back. */
    IMAGE,
    /** Another step of undo ({@code what} is the docker command it stands for). */
    STEP
  }
}
