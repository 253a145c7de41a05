package dev.docklab.engine.build;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** {@code .dockerignore}: glob patterns, relative to the context, of files the build never sees ({@code !} re-includes). */
final class Ignore {
  static final Ignore NONE = new Ignore(List.of(), List.of());
  private final List<PathMatcher> excluded;
  private final List<PathMatcher> included;

  private Ignore(List<PathMatcher> excluded, List<PathMatcher> included) {
    this.excluded = excluded;
    this.included = included;
  }

  static Ignore load(Path context) {
    Path f = context.resolve(".dockerignore");
    if (!Files.isRegularFile(f)) {
      return NONE;
    }
    List<PathMatcher> ex = new ArrayList<>();
    List<PathMatcher> in = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f)) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#")) {
          continue;
        }
        boolean not = p.startsWith("!");
        String glob = (not ? p.substring(1) : p).replaceFirst("^/+", "").replaceFirst("/+$", "");
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:{" + glob + "," + glob + "/**}");
        (not ? in : ex).add(m);
      }
    } catch (IOException e) {
      return NONE;
    }
    return new Ignore(ex, in);
  }

  boolean excludes(Path relative) {
    return excluded.stream().anyMatch(m -> m.matches(relative)) && included.stream().noneMatch(m -> m.matches(relative));
  }
}
