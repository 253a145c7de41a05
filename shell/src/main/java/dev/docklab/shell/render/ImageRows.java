package dev.docklab.shell.render;

import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code docker images} table: REPOSITORY, TAG, IMAGE ID, CREATED, SIZE; one row per tag. */
public final class ImageRows {
  public static final List<String> HEADER = List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");

  private ImageRows() {}

  /** Column headers for {@code --format 'table ...'} fields. */
  public static final Map<String, String> FIELD_HEADERS = Map.of("Repository", "REPOSITORY",
      "Tag", "TAG", "ID", "IMAGE ID", "Digest", "DIGEST", "CreatedSince", "CREATED", "CreatedAt", "CREATED AT",
      "Size", "SIZE");

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  /** The fields {@code docker images --format} offers, one map per row (one row per name). */
  public static List<Map<String, Object>> fields(List<Image> images, boolean noTrunc, Instant now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Image img : images) {
      List<ImageReference> names = img.repoTags().isEmpty() ? Collections.singletonList(null) : img.repoTags();
      for (ImageReference ref : names) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Repository", ref == null ? "<none>" : ref.familiarName());
        f.put("Tag", ref == null ? "<none>" : ref.tag());
        f.put("Digest", img.repoDigests().stream().filter(d -> ref != null && d.name().equals(ref.name()))
            .map(d -> d.digest().toString()).findFirst().orElse("<none>"));
        f.put("ID", noTrunc ? img.id().toString() : img.id().shortHex());
        f.put("CreatedSince", Human.duration(Duration.between(img.created(), now)) + " ago");
        f.put("CreatedAt", CREATED_AT.format(img.created()));
        f.put("Size", Human.size(img.size()));
        rows.add(f);
      }
    }
    return rows;
  }

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
