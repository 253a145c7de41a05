package dev.docklab.engine.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian mirror and suite this machine's apt uses, read from its sources (deb822's
 * {@code /etc/apt/sources.list.d/debian.sources} or the one-line {@code /etc/apt/sources.list}), so that
 * {@code docklab images add debian} makes the same Debian as the host's; Debian's own default otherwise.
 */
public final class AptSources {
  public static final Path DEB822 = Path.of("/etc/apt/sources.list.d/debian.sources");
  public static final Path ONE_LINE = Path.of("/etc/apt/sources.list");
  public static final Source DEFAULT = new Source("http://deb.debian.org/debian", "bookworm");

  /**
   * A mirror and a suite.
   *
   * @param mirror the archive's URL, without a trailing slash
   * @param suite the suite ({@code bookworm})
   */
  public record Source(String mirror, String suite) {}

  private AptSources() {}

  /** The host's main Debian source, from {@link #DEB822} or else {@link #ONE_LINE}; {@link #DEFAULT} when neither says. */
  public static Source host() {
    for (Path p : List.of(DEB822, ONE_LINE)) {
      try {
        if (Files.isRegularFile(p)) {
          Source s = p.equals(DEB822) ? fromDeb822(Files.readString(p)) : fromOneLine(Files.readString(p));
          if (s != null) {
            return s;
          }
        }
      } catch (IOException e) {
        // an unreadable sources file: the next one, or Debian's default
      }
    }
    return DEFAULT;
  }

  /** The first stanza of type {@code deb} whose suite is a release (not -security, -updates...), or null. */
  static Source fromDeb822(String text) {
    for (String stanza : text.split("\\n\\s*\\n")) {
      List<String> types = List.of();
      List<String> uris = List.of();
      List<String> suites = List.of();
      boolean enabled = true;
      for (String line : stanza.split("\n")) {
        String t = line.strip();
        int colon = t.indexOf(':');
        if (t.startsWith("#") || colon < 0) {
          continue;
        }
        String key = t.substring(0, colon).strip().toLowerCase();
        List<String> values = words(t.substring(colon + 1));
        switch (key) {
          case "types" -> types = values;
          case "uris" -> uris = values;
          case "suites" -> suites = values;
          case "enabled" -> enabled = !values.equals(List.of("no"));
          default -> { }
        }
      }
      Source s = pick(enabled && types.contains("deb") ? uris : List.of(), suites);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The first {@code deb URI SUITE COMPONENTS} line whose suite is a release, or null. */
  static Source fromOneLine(String text) {
    for (String line : text.split("\n")) {
      List<String> w = words(line.replaceAll("\\[[^]]*]", " "));
      if (w.size() >= 3 && w.get(0).equals("deb")) {
        Source s = pick(List.of(w.get(1)), List.of(w.get(2)));
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private static Source pick(List<String> uris, List<String> suites) {
    for (String uri : uris) {
      if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
        continue;
      }
      for (String suite : suites) {
        if (!suite.contains("-") && !suite.contains("/")) {
          return new Source(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri, suite);
        }
      }
    }
    return null;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.strip().split("\\s+")) {
      if (!w.isEmpty() && !w.startsWith("#")) {
        out.add(w);
      } else if (w.startsWith("#")) {
        break;
      }
    }
    return out;
  }
}
