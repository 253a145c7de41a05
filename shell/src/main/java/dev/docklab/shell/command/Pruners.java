package dev.docklab.shell.command;

import dev.docklab.engine.api.CachePruned;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each {@code prune} removes, as the docker client's pruners report it: the space reclaimed and the
 * lines to print ("Deleted Containers:" and the ids...), shared by {@code container prune}, {@code image
 * prune}, {@code network prune}, {@code volume prune}, {@code builder prune} and {@code system prune}.
 */
final class Pruners {
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Pruners() {}

  /** What one pruner did: the bytes freed and its lines (empty when it removed nothing). */
  record Pruned(long reclaimed, List<String> lines) {}

  /** {@code --filter until=...} and {@code label=...}, {@code label!=...} as the daemon's prunes take them. */
  record Filter(Instant until, List<String> labels, List<String> notLabels) {
    static final Filter NONE = new Filter(null, List.of(), List.of());

    /** Reads {@code --filter} values; an unknown key or a bad time is the daemon's error. */
    static Filter parse(List<String> values, Instant now) {
      Instant until = null;
      List<String> labels = new ArrayList<>();
      List<String> notLabels = new ArrayList<>();
      for (String v : values) {
        int eq = v.indexOf('=');
        if (eq < 0) {
          throw EngineException.invalid("bad format of filter (expected name=value)");
        }
        String key = v.substring(0, eq);
        String value = v.substring(eq + 1);
        if (key.equals("label!") || (key.equals("label") && value.startsWith("!"))) {
          notLabels.add(key.equals("label!") ? value : value.substring(1));
        } else if (key.equals("label")) {
          labels.add(value);
        } else if (key.equals("until")) {
          until = time(value, now);
        } else {
          throw EngineException.invalid("invalid filter '" + key + "'");
        }
      }
      return new Filter(until, labels, notLabels);
    }

    boolean matches(Instant created, Map<String, String> objectLabels) {
      if (until != null && !created.isBefore(until)) {
        return false;
      }
      return labels.stream().allMatch(l -> hasLabel(objectLabels, l))
          && notLabels.stream().noneMatch(l -> hasLabel(objectLabels, l));
    }

    private static boolean hasLabel(Map<String, String> objectLabels, String filter) {
      int eq = filter.indexOf('=');
      return eq < 0 ? objectLabels.containsKey(filter)
          : filter.substring(eq + 1).equals(objectLabels.get(filter.substring(0, eq)));
    }
  }

  /** A time as Docker's filters take it: a Go duration before now ({@code 24h}, {@code 1h30m}), RFC 3339 or Unix seconds. */
  static Instant time(String value, Instant now) {
    Matcher m = GO_DURATION.matcher(value);
    int at = 0;
    double nanos = 0;
    while (m.find() && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      nanos += n * switch (m.group(2)) {
        case "h" -> 3.6e12;
        case "m" -> 6e10;
        case "s" -> 1e9;
        case "ms" -> 1e6;
        case "us", "µs" -> 1e3;
        default -> 1;
      };
      at = m.end();
    }
    if (at == value.length() && at > 0) {
      return now.minus(Duration.ofNanos((long) nanos));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notRfc) {
      try {
        double seconds = Double.parseDouble(value);
        return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
      } catch (NumberFormatException notNumber) {
        throw EngineException.invalid("failed to parse value as time or duration: \"" + value + "\"");
      }
    }
  }

  /** {@code container prune}: every container that is not running. */
  static Pruned containers(Session s, Filter filter) {
    List<String> lines = new ArrayList<>();
    long reclaimed = 0;
    for (Container c : s.engine().containers().list(true)) {
      if (c.state().running() || !filter.matches(c.createdAt(), c.labels())) {
        continue;
      }
      long size = s.engine().containers().size(c.id());
      try {
        s.engine().containers().remove(c.id(), false, false);
      } catch (EngineException startedMeanwhile) {
        continue;
      }
      lines.add(c.id());
      reclaimed += size;
    }
    return withHeading("Deleted Containers:", lines, reclaimed);
  }

  /** {@code network prune}: the user networks no container uses. */
  static Pruned networks(Session s) {
    return withHeading("Deleted Networks:", s.engine().networks().prune(), 0);
  }

  /** {@code volume prune}: anonymous volumes no container uses ({@code all}: named ones too). */
  static Pruned volumes(Session s, boolean all) {
    Set<String> unused = new HashSet<>(s.engine().volumes().unused());
    List<String> removed = new ArrayList<>();
    long reclaimed = 0;
    for (DiskUsage.VolumeItem item : s.engine().system().df().volumeItems()) {
      Volume v = item.volume();
      if (unused.contains(v.name()) && (all || v.anonymous())) {
        s.engine().volumes().remove(v.name(), true);
        removed.add(v.name());
        reclaimed += item.size();
      }
    }
    return withHeading("Deleted Volumes:", removed, reclaimed);
  }

  /** {@code image prune}: dangling images ({@code all}: every image no container uses). */
  static Pruned images(Session s, boolean all, Filter filter) {
    Set<String> used = new HashSet<>();
    s.engine().containers().list(true).forEach(c -> used.add(c.imageId()));
    long reclaimed = 0;
    List<String> lines = new ArrayList<>();
    List<Image> images = s.engine().images().list();
    ImageLineage lineage = new ImageLineage(images);
    for (Image img : images) {
      // dangling: no name, and no image built on it (a build's step images are not dangling, as on Docker)
      boolean dangling = lineage.dangling(img);
      Map<String, String> labels = img.config().configOrEmpty().labels() == null ? Map.of()
          : img.config().configOrEmpty().labels();
      if ((dangling || all) && !used.contains(img.id().toString()) && filter.matches(img.created(), labels)
          && s.engine().images().find(img.id().toString()) != null) {
        Removal removal;
        try {
          removal = s.engine().images().remove(img.id().toString(), true, true);
        } catch (EngineException e) {
          if (e.kind() != EngineException.Kind.CONFLICT) {
            throw e;
          }
          continue; // as Docker's prune: an image still held (one made from it is used) is left
        }
        removal.untagged().forEach(u -> lines.add("untagged: " + u));
        removal.deleted().forEach(d -> lines.add("deleted: " + d));
        reclaimed += removal.reclaimedBytes();
      }
    }
    return withHeading("Deleted Images:", lines, reclaimed);
  }

  /** {@code builder prune}: the build cache's dangling entries ({@code all}: every entry). */
  static Pruned buildCache(Session s, boolean all) {
    CachePruned pruned = s.engine().images().pruneBuildCache(all);
    return withHeading("Deleted build cache objects:", pruned.deleted(), pruned.reclaimedBytes());
  }

  private static Pruned withHeading(String heading, List<String> items, long reclaimed) {
    if (items.isEmpty()) {
      return new Pruned(reclaimed, List.of());
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    lines.addAll(items);
    lines.add("");
    return new Pruned(reclaimed, lines);
  }
}
