package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageLineage;
import dev.docklab.engine.api.ImageReference;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker images [REPO[:TAG]] --filter dangling=true|false --filter reference=PATTERN}: which
 * images, and which of their names, to list. A reference pattern is a glob on {@code name[:tag]}.
 */
final class ImageFilter {
  private ImageFilter() {}

  /**
   * Without {@code -a}, {@code docker images} leaves out intermediate images: untagged images that
   * another image was built on (a build step's image), as Docker does.
   */
  static List<Image> withoutIntermediate(List<Image> images) {
    ImageLineage lineage = new ImageLineage(images);
    List<Image> out = new ArrayList<>();
    for (Image img : images) {
      if (!img.repoTags().isEmpty() || !lineage.hasChild(img)) {
        out.add(img);
      }
    }
    return out;
  }

  static List<Image> apply(List<Image> images, String repo, List<String> filters) {
    List<Image> out = new ArrayList<>();
    Boolean dangling = null;
    List<PathMatcher> refs = new ArrayList<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw EngineException.invalid("bad format of filter (expected name=value)");
      }
      String key = f.substring(0, eq);
      String value = f.substring(eq + 1);
      switch (key) {
        case "dangling" -> {
          if (!value.equals("true") && !value.equals("false")) {
            throw EngineException.invalid("Invalid filter 'dangling=" + value + "'");
          }
          dangling = value.equals("true");
        }
        case "reference" -> refs.add(FileSystems.getDefault().getPathMatcher("glob:" + value));
        default -> throw EngineException.invalid("invalid filter '" + key + "'");
      }
    }
    ImageReference want = repo == null ? null : ImageReference.parse(repo);
    ImageLineage lineage = new ImageLineage(images);
    for (Image img : images) {
      boolean isDangling = lineage.dangling(img);
      if (dangling != null && dangling != isDangling) {
        continue;
      }
      List<ImageReference> tags = img.repoTags().stream()
          .filter(r -> want == null || (r.name().equals(want.name()) && (want.tag() == null || want.tag().equals(r.tag()))))
          .filter(r -> refs.isEmpty() || refs.stream().anyMatch(m -> m.matches(Path.of(r.familiarName()))
              || m.matches(Path.of(r.familiarString()))))
          .toList();
      if (tags.isEmpty() && (want != null || !refs.isEmpty() || !img.repoTags().isEmpty())) {
        continue;
      }
      out.add(img.withRepoTags(tags));
    }
    return out;
  }
}
