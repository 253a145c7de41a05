package dev.docklab.shell.render;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code docker history} table: IMAGE, CREATED, CREATED BY, SIZE, COMMENT, newest step first.
 * The top row shows the image id; lower steps show {@code <missing>}, as for an image that was not
 * built here step by step.
 */
public final class HistoryRows {
  public static final List<String> HEADER = List.of("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT");

  private HistoryRows() {}

  public static List<String> render(Image img, Engine engine, boolean noTrunc, Instant now) {
    List<ImageConfig.History> history = img.config().history() == null ? List.of() : img.config().history();
    List<Digest> diffIds = img.diffIds();
    List<List<String>> rows = new ArrayList<>();
    int layer = 0;
    List<String[]> bottomUp = new ArrayList<>();
    for (ImageConfig.History h : history) {
      long size = 0;
      if (!Boolean.TRUE.equals(h.emptyLayer()) && layer < diffIds.size()) {
        size = engine.images().layerSize(diffIds.get(layer++));
      }
      String createdBy = h.createdBy() == null ? "" : h.createdBy();
      Instant created;
      try {
        created = h.created() == null ? Instant.EPOCH : Instant.parse(h.created());
      } catch (RuntimeException e) {
        created = Instant.EPOCH;
      }
      bottomUp.add(new String[] {Human.duration(Duration.between(created, now)) + " ago",
          noTrunc ? createdBy : Text.ellipsis(createdBy, 45), Human.size(size), h.comment() == null ? "" : h.comment()});
    }
    for (int i = bottomUp.size() - 1; i >= 0; i--) {
      String id = i == bottomUp.size() - 1 ? (noTrunc ? img.id().toString() : img.id().shortHex()) : "<missing>";
      String[] r = bottomUp.get(i);
      rows.add(List.of(id, r[0], r[1], r[2], r[3]));
    }
    return Table.render(HEADER, rows);
  }
}
