package dev.docklab.engine.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;

/** What a thread of an unpack failed with, thrown again on the thread that waits for it, as it was. */
final class WorkerFailure {
  private WorkerFailure() {}

  /** Throws {@code t} (an I/O failure as one, an interrupt as an interrupted I/O); nothing when null. */
  static void rethrow(Throwable t) throws IOException {
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof UncheckedIOException u) {
      throw u.getCause();
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof InterruptedException) {
      throw new InterruptedIOException("unpacking was interrupted");
    }
    throw (Error) t;
  }
}
