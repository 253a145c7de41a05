package dev.docklab.shell;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.nio.file.Path;

/** A test's scratch data root, given back whole after a REPL on a terminal used it, even one that failed midway. */
public final class ScratchRoot {
  private ScratchRoot() {}

  /**
   * Removes every container on {@code root} (waiting, up to ten seconds, for the REPLs to let go of its
   * engine), unmounts what is left under it and deletes it.
   */
  public static void destroy(Path root) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
        for (var c : engine.containers().list(true)) {
          engine.containers().remove(c.id(), true, false);
        }
        break;
      } catch (EngineException e) {
        if (attempt > 100) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
    for (Path m : Mounts.under(root)) {
      Posix.host().umount(m, Posix.MNT_DETACH);
    }
    Trees.deleteRecursively(root);
  }
}
