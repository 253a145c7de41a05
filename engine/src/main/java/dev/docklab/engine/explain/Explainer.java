package dev.docklab.engine.explain;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.LayerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Says, from each layer's entries, what the layer added, changed and deleted, and what space is wasted. */
public final class Explainer {
  private Explainer() {}

  /** What one layer holds, relative to the layers below it. */
  public record LayerChanges(int added, int changed, int deleted) {}

  /**
   * One entry of a layer, in the order a walk of the layer's dir meets it.
   *
   * @param path relative to the layer's dir, without a leading slash
   * @param size bytes of a regular file, 0 for anything else
   * @param whiteout whether it is a whiteout (the deletion of the path below)
   */
  public record Entry(String path, long size, boolean whiteout) {}

  /**
   * Goes through the layers' entries bottom first and returns, per layer, the counts of added, changed
   * and deleted paths; {@code waste} receives each file a higher layer overwrote or deleted.
   */
  public static List<LayerChanges> analyse(List<List<Entry>> layersBottomFirst, List<String> names,
      List<LayerReport.Waste> waste) {
    Map<String, Long> seen = new HashMap<>(); // path -> size
    List<LayerChanges> out = new ArrayList<>();
    for (int i = 0; i < layersBottomFirst.size(); i++) {
      int added = 0;
      int changed = 0;
      int deleted = 0;
      for (Entry e : layersBottomFirst.get(i)) {
        Long before = e.whiteout() ? seen.remove(e.path()) : seen.put(e.path(), e.size());
        if (e.whiteout()) {
          deleted++;
          if (before != null && before > 0) {
            waste.add(new LayerReport.Waste("/" + e.path(), before, names.get(i)));
          }
        } else if (before == null) {
          added++;
        } else {
          changed++;
          if (before > 0 && e.size() >= 0) {
            waste.add(new LayerReport.Waste("/" + e.path(), before, names.get(i)));
          }
        }
      }
      out.add(new LayerChanges(added, changed, deleted));
    }
    waste.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return out;
  }

  /** The short form of a digest, for diagrams: the first 12 hex digits. */
  public static String shortId(String digest) {
    return Digest.isDigest(digest) ? Digest.parse(digest).shortHex() : digest;
  }
}
