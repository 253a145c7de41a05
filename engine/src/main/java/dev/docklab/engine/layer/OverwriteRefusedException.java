package dev.docklab.engine.layer;

import java.io.IOException;

/** A copy that would replace a directory by a file or a file by a directory, refused as Docker refuses it. */
public final class OverwriteRefusedException extends IOException {
  public OverwriteRefusedException(String message) {
    super(message);
  }
}
