package dev.docklab.engine.api;

/** A RUN step failed: the build stops with its exit code. */
public final class BuildFailure extends EngineException {
  private final int code;

  public BuildFailure(String message, int code) {
    super(Kind.INVALID, message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
