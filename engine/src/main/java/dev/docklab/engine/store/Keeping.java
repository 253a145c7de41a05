package dev.docklab.engine.store;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Whether what {@code docker rm} and {@code docker rmi} remove is kept aside for a lesson's undo: a
 * mark on the data root, so that every engine opened on it (each {@code docklab -c} line opens one)
 * keeps alike until the lesson turns it off.
 */
public final class Keeping {
  private Keeping() {}

  /** True while removed things are kept. */
  public static boolean on(Layout layout) {
    return Files.exists(layout.keepingMark());
  }

  /** Turns keeping on or off (the things kept are the caller's to drop). */
  public static void set(Layout layout, boolean on) throws IOException {
    if (on) {
      if (!on(layout)) {
        AtomicFiles.write(layout.keepingMark(), new byte[0]);
      }
    } else {
      Files.deleteIfExists(layout.keepingMark());
    }
  }
}
