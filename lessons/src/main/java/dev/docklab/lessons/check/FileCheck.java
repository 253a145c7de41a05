package dev.docklab.lessons.check;

import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path was added, changed or deleted in the read-write layer of a container ({@code docker diff}),
 * whatever wrote it: a shell inside, {@code exec}, {@code cp}...
 *
 * @param container which containers to look in (any of the lesson's when null)
 * @param path the absolute path inside the container
 * @param change {@code added}, {@code changed} or {@code deleted} (Docker's A, C, D); any when null
 */
public record FileCheck(ContainerCheck container, String path, String change) implements Check {
  public FileCheck {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a file check needs path: an absolute path inside the container");
    }
    if (change != null && letter(change) == 0) {
      throw new IllegalArgumentException("change: \"" + change + "\" is not added, changed or deleted");
    }
    container = container == null
        ? new ContainerCheck(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
        : container;
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
    for (Fact c : container.facts()) {
      f.add(new Fact("in." + c.name(), c.value()));
    }
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    for (Container c : container.all(probe)) {
      for (Change ch : probe.view().diff(c.id())) {
        if (ch.path().equals(path) && (change == null || ch.kind() == letter(change))) {
          return Verdict.by(c.name());
        }
      }
    }
    return Verdict.NO;
  }
}
