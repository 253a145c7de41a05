package dev.docklab.engine.api;

import java.util.List;

/**
 * Where a path in a container comes from: every layer from the top (the container layer) down, and
 * what each holds for that path. The first layer that has it (or hides it) decides what the
 * container sees; a layer can also hide it through a parent directory (an opaque directory, a
 * whiteout, or a file where a directory was).
 *
 * @param container the container
 * @param path the path inside the container
 * @param layers top first
 * @param hidden the parent directory that hides the path from the layers below, or null
 */
public record FileReport(String container, String path, List<Entry> layers, Hidden hidden) {
  /** Without a hiding parent. */
  public FileReport(String container, String path, List<Entry> layers) {
    this(container, path, layers, null);
  }

  /** Which kind of layer an entry is: the container's read-write layer, its init layer, or one of its image's. */
  public enum Source { CONTAINER, INIT, IMAGE }

  /**
   * What one layer holds at the path: FILE, DIR, LINK, WHITEOUT, OPAQUE (a dir hiding everything below) or
   * NONE; {@code layer} is an image layer's short id, and {@code createdBy} the step that made it.
   */
  public record Entry(String layer, String createdBy, String kind, long size, Source source) {
    /** An image layer's entry. */
    public Entry(String layer, String createdBy, String kind, long size) {
      this(layer, createdBy, kind, size, Source.IMAGE);
    }

    /** This entry, for a layer of the kind {@code s}. */
    public Entry as(Source s) {
      return new Entry(layer, createdBy, kind, size, s);
    }
  }

  /**
   * A parent directory of the path that hides the layers below {@code layer}.
   *
   * @param layer the layer that has the parent, as its entry names it
   * @param parent the parent's path ({@code /var})
   * @param kind OPAQUE (an opaque directory there: a directory removed and made again), WHITEOUT (the parent
   *     deleted there) or NOT_DIR (a file or link there where the layers below have a directory)
   */
  public record Hidden(String layer, String parent, String kind) {}

  /** The entry that decides what the container sees, or null when no layer it can see has the path. */
  public Entry winner() {
    for (Entry e : layers) {
      if (!e.kind().equals("NONE")) {
        return e;
      }
      if (hidden != null && e.layer().equals(hidden.layer())) {
        return null;
      }
    }
    return null;
  }
}
