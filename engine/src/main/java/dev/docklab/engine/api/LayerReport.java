package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * An image seen as its stack of read-only layers, bottom first, with what each layer did and who
 * shares it: the facts behind {@code explain layers}.
 *
 * @param image the image as named
 * @param imageId its id
 * @param layers bottom first
 * @param sharedBytes bytes that sharing saves: each layer's size once for every other image or container
 *     that uses it, which would otherwise hold a copy
 * @param wastedBytes bytes of files that a higher layer overwrote or deleted (reclaimable)
 * @param wasted the files behind {@code wastedBytes}, largest first
 */
public record LayerReport(String image, String imageId, List<Layer> layers, long sharedBytes, long wastedBytes,
    List<Waste> wasted) {

  /** One layer: its diff id, where it lives, its size, its changes, the step that made it, its sharers. */
  public record Layer(String diffId, Path dir, long size, int added, int changed, int deleted, String createdBy,
      List<Sharer> sharedWith) {}

  /** Another image (by its name, or short id when untagged) or a container (by its name) that uses a layer. */
  public record Sharer(String name, boolean container) {}

  /** A file stored in a lower layer but hidden by a higher one. */
  public record Waste(String path, long bytes, String hiddenBy) {}
}
