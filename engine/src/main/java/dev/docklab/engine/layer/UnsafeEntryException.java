package dev.docklab.engine.layer;

import dev.docklab.engine.api.EngineException;

/** A layer tar entry that would write outside the layer directory, refused before anything is written. */
public final class UnsafeEntryException extends EngineException {
  private final String entry;

  UnsafeEntryException(String entry, String why) {
    super(Kind.INVALID, "refusing to unpack layer entry \"" + EntryNames.brief(entry) + "\": " + why
        + "; the layer archive is unsafe, do not use it");
    this.entry = entry;
  }

  /** The entry name as it appears in the archive. */
  public String entry() {
    return entry;
  }
}
