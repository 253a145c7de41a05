package dev.docklab.engine.store;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named places where a crash would hurt, and a way to crash there for real: started with
 * {@code -Ddocklab.crash-at=NAME} (or {@code NAME:N}, the N-th time), the process sends itself
 * SIGKILL when it reaches that point, as a kill -9 from outside would. Without the property every
 * point is a no-op; tests use it to check what the next engine finds.
 */
public final class CrashPoints {
  /** A file of a directory tree has just been deleted (any tree: a layer, a container, a temp dir). */
  public static final String TREE_DELETE = "tree-delete";
  /** {@code docker rmi}: the image record is gone, its layers and blobs are not yet. */
  public static final String RMI_UNRECORDED = "rmi-unrecorded";
  /** {@code docker commit}: the container has been paused for the commit. */
  public static final String COMMIT_PAUSED = "commit-paused";
  /** {@code docker build}: a RUN step's container has run and is not yet committed nor removed. */
  public static final String BUILD_STEP_RAN = "build-step-ran";

  private static final String PROPERTY = "docklab.crash-at";
  private static final String NAME;
  private static final long AT;
  private static final AtomicLong REACHED = new AtomicLong();

  static {
    String spec = System.getProperty(PROPERTY, "");
    int colon = spec.lastIndexOf(':');
    NAME = colon < 0 ? spec : spec.substring(0, colon);
    AT = colon < 0 ? 1 : Long.parseLong(spec.substring(colon + 1));
  }

  private CrashPoints() {}

  /** Marks that this point was reached; kills the process when it is the chosen one. */
  public static void reach(String name) {
    if (NAME.isEmpty() || !NAME.equals(name) || REACHED.incrementAndGet() != AT) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
    } catch (IOException e) {
      // no kill(1): halt, which also skips every finally block and shutdown hook
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(137);
  }
}
