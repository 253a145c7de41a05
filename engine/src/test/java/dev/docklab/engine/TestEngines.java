package dev.docklab.engine;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** Opens real engines on throw-away data roots and leaves nothing behind. */
public final class TestEngines {
  private TestEngines() {}

  /** A fresh data root under /tmp, named so that a leak shows in {@code grep docklab /proc/mounts}. */
  public static Path newDataRoot() throws IOException {
    return Files.createTempDirectory("docklab-test-");
  }

  public static Engine open(Path root) {
    return Engine.open(EngineOptions.at(root), EngineListener.NONE);
  }

  /** Removes every container (unmounting), closes the engine and deletes the data root. */
  public static void destroy(Engine engine, Path root) throws IOException {
    if (engine != null) {
      for (Container c : engine.containers().list(true)) {
        try {
          engine.containers().remove(c.id(), true, false);
        } catch (RuntimeException e) {
          // keep cleaning
        }
      }
      engine.close();
    }
    for (Path m : Mounts.under(root)) {
      Posix.host().umount(m, Posix.MNT_DETACH);
    }
    deleteRoot(root);
  }

  /** Collects a container's stdout and stderr. */
  /**
   * Deletes a data root. A container with a restart policy that exits makes its monitor start a
   * short-lived docklab that opens the data root (its lock and owner files) while the test deletes
   * it: try again for a moment when a directory fills up under the delete.
   */
  private static void deleteRoot(Path root) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Trees.deleteRecursively(root);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public static final class Output implements BiConsumer<Integer, byte[]> {
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Override
    public synchronized void accept(Integer stream, byte[] bytes) {
      (stream == 1 ? out : err).writeBytes(bytes);
    }

    public String stdout() {
      return out.toString();
    }

    public String stderr() {
      return err.toString();
    }
  }
}
