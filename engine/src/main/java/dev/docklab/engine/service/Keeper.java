package dev.docklab.engine.service;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.image.KeptImages;
import dev.docklab.engine.store.Keeping;
import java.io.IOException;
import java.time.Instant;

/**
 * Keeping what {@code docker rm} and {@code docker rmi} remove, for a lesson's undo: the mark on the
 * data root, dropping what is kept (containers first, then images and what only they stood on), and
 * the sweep when the engine opens.
 */
final class Keeper {
  private final EngineParts p;
  private final ImageRemoval removal;

  Keeper(EngineParts parts, ImageRemoval removal) {
    this.p = parts;
    this.removal = removal;
  }

  boolean on() {
    return Keeping.on(p.layout());
  }

  /** Turns keeping on, or off (dropping everything kept). */
  void set(boolean on) {
    try {
      Keeping.set(p.layout(), on);
    } catch (IOException e) {
      throw EngineException.system(on ? EngineMessage.KEEPING_ON_FAILED : EngineMessage.KEEPING_OFF_FAILED, e,
          p.layout().kept(), e.getMessage());
    }
    if (!on) {
      drop(Instant.MAX);
    }
  }

  /** Drops what was kept and removed before {@code before}. */
  void drop(Instant before) {
    p.containers().dropKept(before); // first: an image kept after them is then no container's
    removal.dropKept(before);
  }

  /**
   * When the engine opens: what a crash left half kept goes; with keeping off, everything kept goes
   * (the images' layers and blobs are then collected by the store's sweep, which runs next).
   */
  void sweepAtStart() throws IOException {
    p.containerStore().sweepHalfKept();
    if (!on()) {
      p.containers().dropKept(Instant.MAX);
      new KeptImages(p.layout()).forgetAll();
    }
  }
}
