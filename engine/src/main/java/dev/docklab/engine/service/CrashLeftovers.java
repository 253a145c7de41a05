package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.image.KeptImages;
import dev.docklab.engine.image.StoreSweep;
import dev.docklab.engine.store.Leases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a crash of the engine in the middle of a command leaves that nothing else would find, cleared
 * when the next engine opens (after the containers are reconciled): the step containers of a build,
 * the pause of a commit, and the layers and blobs no image (live or kept for undo) stands on any more.
 */
final class CrashLeftovers {
  private final EngineParts p;

  CrashLeftovers(EngineParts parts) {
    this.p = parts;
  }

  /** Clears all three; what it cannot clear stays for the next start. */
  StoreSweep.Swept clear() throws IOException {
    for (Container c : p.containerStore().list()) {
      if ("true".equals(c.labels().get(BuildHostAdapter.STEP_LABEL))) {
        removeQuietly(c); // a build's RUN container: the build that would have removed it is gone
      } else if (Files.exists(p.containerStore().files(c.id()).pausedByCommit())) {
        unpause(c);
      }
    }
    Set<Digest> containerImages = new HashSet<>();
    for (Container c : p.containerStore().list()) {
      containerImages.add(c.imageDigest());
    }
    for (Container c : p.containers().keptRecords()) {
      containerImages.add(c.imageDigest());
    }
    Set<Digest> kept = new HashSet<>();
    for (KeptImages.Kept k : new KeptImages(p.layout()).list()) {
      kept.addAll(k.layerDigests());
      kept.addAll(k.blobDigests());
    }
    return new StoreSweep(p.blobs(), p.layers(), p.images(), new Leases(p.layout())).sweep(containerImages, kept);
  }

  private void removeQuietly(Container c) {
    try {
      p.containers().remove(c.id(), true);
    } catch (EngineException e) {
      // the next start tries again
    }
  }

  /** A container docker commit paused when the engine died: paused no more (a learner's own pause has no note). */
  private void unpause(Container c) throws IOException {
    Path note = p.containerStore().files(c.id()).pausedByCommit();
    if (c.state().paused()) {
      try {
        p.containers().unpause(c.id());
      } catch (EngineException e) {
        return; // the note stays: the next start tries again
      }
    }
    Files.deleteIfExists(note);
  }
}
