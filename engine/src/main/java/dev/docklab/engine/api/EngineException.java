package dev.docklab.engine.api;

/**
 * A failure the learner should read: its message is one line in Docker's own wording where Docker
 * has one, saying what was attempted, why it failed and, where possible, how to fix it.
 */
public class EngineException extends RuntimeException {
  /** What kind of failure this is; the shell picks its prefix and exit status from it. */
  public enum Kind {
    /** The request itself is malformed (bad reference, bad flag value). */
    INVALID,
    /** A named image, container or blob does not exist. */
    NOT_FOUND,
    /** The request conflicts with the current state (name in use, container running). */
    CONFLICT,
    /** The host or the data root failed (syscall, disk, runtime). */
    SYSTEM
  }

  private final Kind kind;

  public EngineException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public EngineException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static EngineException invalid(String message) {
    return new EngineException(Kind.INVALID, message);
  }

  public static EngineException notFound(String message) {
    return new EngineException(Kind.NOT_FOUND, message);
  }

  public static EngineException conflict(String message) {
    return new EngineException(Kind.CONFLICT, message);
  }

  public static EngineException system(String message, Throwable cause) {
    return new EngineException(Kind.SYSTEM, message, cause);
  }
}
