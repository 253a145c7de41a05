package dev.docklab.engine.explain;

import dev.docklab.engine.api.LayerReport;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis {@code explain layers} made before layers had an index, kept as it was: every layer dir
 * walked on every call. The indexed answer must equal it.
 */
final class WalkedLayers {
  private WalkedLayers() {}

  /** One entry of a layer: its path and, for a regular file, its size (-1 for a whiteout, 0 otherwise). */
  private record Entry(String path, long size, boolean whiteout, boolean opaqueDir) {}

  /**
   * Walks the layers bottom first and returns, per layer, the counts of added, changed and deleted
   * paths; {@code waste} receives each file a higher layer overwrote or deleted.
   */
  static List<Explainer.LayerChanges> analyse(List<Path> layersBottomFirst, List<String> names,
      List<LayerReport.Waste> waste) throws IOException {
    Map<String, long[]> seen = new HashMap<>(); // path -> {size, layer index}
    List<Explainer.LayerChanges> out = new ArrayList<>();
    for (int i = 0; i < layersBottomFirst.size(); i++) {
      int added = 0;
      int changed = 0;
      int deleted = 0;
      for (Entry e : entries(layersBottomFirst.get(i))) {
        long[] before = seen.get(e.path());
        if (e.whiteout()) {
          deleted++;
          if (before != null && before[0] > 0) {
            waste.add(new LayerReport.Waste("/" + e.path(), before[0], names.get(i)));
          }
          seen.remove(e.path());
          continue;
        }
        if (before == null) {
          added++;
        } else {
          changed++;
          if (before[0] > 0 && e.size() >= 0) {
            waste.add(new LayerReport.Waste("/" + e.path(), before[0], names.get(i)));
          }
        }
        seen.put(e.path(), new long[] {e.size(), i});
      }
      out.add(new Explainer.LayerChanges(added, changed, deleted));
    }
    waste.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return out;
  }

  private static List<Entry> entries(Path layer) throws IOException {
    List<Entry> list = new ArrayList<>();
    if (!Files.isDirectory(layer)) {
      return list;
    }
    Files.walkFileTree(layer, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(layer)) {
          list.add(new Entry(layer.relativize(dir).toString(), 0, false, false));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        boolean whiteout = false;
        if (attrs.isOther()) {
          Map<String, Object> a = Files.readAttributes(file, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
          whiteout = (((Integer) a.get("mode")) & 0170000) == 0020000 && ((Long) a.get("rdev")) == 0L;
        }
        list.add(new Entry(layer.relativize(file).toString(), attrs.isRegularFile() ? attrs.size() : 0, whiteout,
            false));
        return FileVisitResult.CONTINUE;
      }
    });
    return list;
  }
}
