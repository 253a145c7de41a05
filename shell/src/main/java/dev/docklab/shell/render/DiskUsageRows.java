package dev.docklab.shell.render;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code docker system df} as the docker CLI lays it out: the summary table, or {@code -v}'s four sections. */
public final class DiskUsageRows {
  private DiskUsageRows() {}

  /** TYPE, TOTAL, ACTIVE, SIZE, RECLAIMABLE for images, containers, local volumes and the build cache. */
  public static List<String> summary(DiskUsage du) {
    List<List<String>> rows = List.of(row("Images", du.images(), true), row("Containers", du.containers(), true),
        row("Local Volumes", du.volumes(), true), row("Build Cache", du.buildCache(), false));
    return Table.render(List.of("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"), rows);
  }

  private static List<String> row(String type, DiskUsage.Summary s, boolean percent) {
    String reclaimable = Human.diskSize(s.reclaimable());
    if (percent && s.size() > 0) {
      reclaimable += " (" + s.reclaimable() * 100 / s.size() + "%)";
    }
    return List.of(type, Integer.toString(s.total()), Integer.toString(s.active()), Human.diskSize(s.size()),
        reclaimable);
  }

  /** {@code docker system df -v}: each image, container and volume, then the build cache's total. */
  public static List<String> verbose(DiskUsage du, Instant now) {
    List<String> out = new ArrayList<>();
    out.add("Images space usage:");
    out.add("");
    List<List<String>> images = new ArrayList<>();
    for (DiskUsage.ImageItem i : du.imageItems()) {
      Image img = i.image();
      ImageReference ref = img.repoTags().isEmpty() ? null : img.repoTags().get(0); // the first tag only, as Docker
      images.add(List.of(ref == null ? "<none>" : ref.familiarName(), ref == null ? "<none>" : ref.tag(),
          img.id().shortHex(), Human.duration(Duration.between(img.created(), now)) + " ago",
          Human.size(i.sharedSize() + i.uniqueSize()), Human.size(i.sharedSize()), Human.size(i.uniqueSize()),
          Integer.toString(i.containers())));
    }
    out.addAll(Table.render(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE",
        "UNIQUE SIZE", "CONTAINERS"), images));
    out.add("");
    out.add("Containers space usage:");
    out.add("");
    List<List<String>> containers = new ArrayList<>();
    for (DiskUsage.ContainerItem i : du.containerItems()) {
      Container c = i.container();
      containers.add(List.of(c.shortId(), c.image(), GoQuote.quote(Text.ellipsis(String.join(" ", c.command()), 20)),
          Integer.toString(i.localVolumes()), Human.size(i.size()),
          Human.duration(Duration.between(c.createdAt(), now)) + " ago", ContainerRows.status(c, now), c.name()));
    }
    out.addAll(Table.render(List.of("CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS",
        "NAMES"), containers));
    out.add("");
    out.add("Local Volumes space usage:");
    out.add("");
    List<List<String>> volumes = new ArrayList<>();
    for (DiskUsage.VolumeItem i : du.volumeItems()) {
      volumes.add(List.of(i.volume().name(), Integer.toString(i.links()), Human.diskSize(i.size())));
    }
    out.addAll(Table.render(List.of("VOLUME NAME", "LINKS", "SIZE"), volumes));
    out.add("");
    out.add("Build cache usage: " + Human.diskSize(du.buildCache().size()));
    out.add("");
    out.addAll(Table.render(List.of("CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"),
        List.of()));
    return out;
  }
}
