package dev.docklab.lessons.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path was added, changed or deleted in the read-write layer of a container ({@code docker diff}),
 * whatever wrote it: a shell inside, {@code exec}, {@code cp}...; or, with {@code image}, is in that
 * image's top layer (what its last build step or commit stored). {@code whiteout} and {@code opaque}
 * ask for the form a deletion takes there: a whiteout hiding the lower file, or an opaque directory
 * hiding everything below it.
 *
 * @param container which containers to look in (any of the lesson's when null)
 * @param image an image whose top layer to look in instead of containers (null: containers)
 * @param path the absolute path inside the container
 * @param change {@code added}, {@code changed} or {@code deleted} (Docker's A, C, D); any when null
 * @param whiteout the layer holds a whiteout at the path
 * @param opaque the layer holds an opaque directory at the path
 */
public record FileCheck(ContainerCheck container, String image, String path, String change, Boolean whiteout,
    Boolean opaque) implements Check {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public FileCheck {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a file check needs path: an absolute path inside the container");
    }
    if (change != null && letter(change) == 0) {
      throw new IllegalArgumentException("change: \"" + change + "\" is not added, changed or deleted");
    }
    if (image != null && (container != null || change != null)) {
      throw new IllegalArgumentException("a file check looks in an image's top layer (image) or in containers "
          + "(container, change), not both");
    }
    whiteout = Boolean.TRUE.equals(whiteout);
    opaque = Boolean.TRUE.equals(opaque);
    if (whiteout && opaque) {
      throw new IllegalArgumentException("a path is a whiteout or an opaque directory, not both");
    }
    container = container == null
        ? new ContainerCheck(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
        : container;
  }

  /** A path changed in a container's read-write layer, as {@code docker diff} shows it. */
  public FileCheck(ContainerCheck container, String path, String change) {
    this(container, null, path, change, null, null);
  }

  private static char letter(String change) {
    return switch (change.toLowerCase(Locale.ROOT)) {
      case "added", "a" -> 'A';
      case "changed", "c" -> 'C';
      case "deleted", "d" -> 'D';
      default -> 0;
    };
  }

  @Override
  public String kind() {
    return "file";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    f.add(new Fact("path", path));
    if (change != null) {
      f.add(new Fact("change", change.toLowerCase(Locale.ROOT)));
    }
    if (whiteout) {
      f.add(new Fact("whiteout", "true"));
    }
    if (opaque) {
      f.add(new Fact("opaque", "true"));
    }
    if (image != null) {
      f.add(new Fact("topLayerOf", image));
      return f;
    }
    for (Fact c : container.facts()) {
      f.add(new Fact("in." + c.name(), c.value()));
    }
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    if (image != null) {
      String kind = probe.view().topLayer(image, path);
      return Verdict.of(kind != null && !kind.equals("NONE") && form(kind));
    }
    for (Container c : container.all(probe)) {
      for (Change ch : probe.view().diff(c.id())) {
        if (ch.path().equals(path) && (change == null || ch.kind() == letter(change))
            && (!whiteout && !opaque || form(probe.view().cow(c.id()).get(path)))) {
          return Verdict.by(c.name());
        }
      }
    }
    return Verdict.NO;
  }

  /** Whether a layer's entry of {@code kind} (WHITEOUT or DELETE, OPAQUE, FILE...) has the form asked. */
  private boolean form(String kind) {
    if (whiteout) {
      return "WHITEOUT".equals(kind) || "DELETE".equals(kind);
    }
    return !opaque || "OPAQUE".equals(kind);
  }
}
