package dev.docklab.engine.api;

import java.util.Arrays;
import java.util.List;

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
  private final EngineMessage said;
  private final List<String> args;

  public EngineException(Kind kind, String message) {
    this(kind, message, null);
  }

  public EngineException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.said = null;
    this.args = List.of();
  }

  /** A failure in docklab's own words: its message is {@code said}'s English with {@code args} in place. */
  public EngineException(Kind kind, EngineMessage said, Throwable cause, Object... args) {
    super(said.english(args), cause);
    this.kind = kind;
    this.said = said;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public Kind kind() {
    return kind;
  }

  /** docklab's own wording of this failure, for the shell to say in the learner's language; null for Docker's own. */
  public EngineMessage said() {
    return said;
  }

  /** The arguments of {@link #said()}, as text. */
  public List<String> args() {
    return args;
  }

  public static EngineException invalid(EngineMessage said, Object... args) {
    return new EngineException(Kind.INVALID, said, null, args);
  }

  public static EngineException notFound(EngineMessage said, Object... args) {
    return new EngineException(Kind.NOT_FOUND, said, null, args);
  }

  public static EngineException conflict(EngineMessage said, Object... args) {
    return new EngineException(Kind.CONFLICT, said, null, args);
  }

  public static EngineException system(EngineMessage said, Throwable cause, Object... args) {
    return new EngineException(Kind.SYSTEM, said, cause, args);
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
