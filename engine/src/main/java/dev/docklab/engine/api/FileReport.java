package dev.docklab.engine.api;

import java.util.List;

/**
 * Where a path in a container comes from: every layer from the top (the container layer) down, and
 * what each holds for that path. The first layer that has it (or hides it) decides what the
 * container sees.
 *
 * @param container the container
 * @param path the path inside the container
 * @param layers top first
 */
public record FileReport(String container, String path, List<Entry> layers) {
  /** What one layer holds at the path: FILE, DIR, LINK, WHITEOUT, OPAQUE (a dir hiding everything below) or NONE. */
  public record Entry(String layer, String createdBy, String kind, long size) {}

  /** The entry that decides what the container sees, or null when no layer has the path. */
  public Entry winner() {
    for (Entry e : layers) {
      if (!e.kind().equals("NONE")) {
        return e;
      }
    }
    return null;
  }
}
