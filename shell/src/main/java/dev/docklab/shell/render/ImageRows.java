package dev.docklab.shell.render;

import dev.docklab.engine.image.Image;
import dev.docklab.engine.reference.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code docker images} table: REPOSITORY, TAG, IMAGE ID, CREATED, SIZE; one row per tag. */
public final class ImageRows {
  public static final List<String> HEADER = List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");

  private ImageRows() {}

  public static List<String> render(List<Image> images, boolean noTrunc, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (Image img : images) {
      String id = noTrunc ? img.id().toString() : img.id().shortHex();
      String created = Human.duration(Duration.between(img.created(), now)) + " ago";
      String size = Human.size(img.size());
      if (img.repoTags().isEmpty()) {
        rows.add(List.of("<none>", "<none>", id, created, size));
      }
      for (ImageReference ref : img.repoTags()) {
        rows.add(List.of(ref.familiarName(), ref.tag(), id, created, size));
      }
    }
    return Table.render(HEADER, rows);
  }
}
