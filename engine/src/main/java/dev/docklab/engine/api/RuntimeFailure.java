package dev.docklab.engine.api;

/** The runtime could not start the container's process. */
public final class RuntimeFailure extends EngineException {
  private final int exitCode;

  public RuntimeFailure(String runtime, String message) {
    super(Kind.SYSTEM, "failed to create task for container: OCI runtime create failed: " + runtime
        + " create failed: " + strip(message) + ": unknown");
    this.exitCode = message.contains("executable file not found") || message.contains("no such file or directory")
        ? 127 : 126;
  }

  private RuntimeFailure(String message, int exitCode) {
    super(Kind.SYSTEM, message);
    this.exitCode = exitCode;
  }

  /** The failure as another process's engine reported it: its whole message and exit status. */
  public static RuntimeFailure received(String message, int exitCode) {
    return new RuntimeFailure(message, exitCode);
  }

  private static String strip(String message) {
    return message.startsWith("runc run failed: ") ? message.substring(17) : message;
  }

  /** The exit status Docker reports for this failure: 127 for a missing command, else 126. */
  public int exitCode() {
    return exitCode;
  }
}
