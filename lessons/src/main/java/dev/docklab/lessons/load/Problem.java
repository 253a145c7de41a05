package dev.docklab.lessons.load;

/**
 * Something wrong in a lesson file, where it is.
 *
 * @param file the file's name
 * @param line the line (1 is the first; 0 when unknown)
 * @param message what is wrong, and what is expected instead
 */
public record Problem(String file, int line, String message) {
  /** {@code FILE:LINE: message}, as compilers print it. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
