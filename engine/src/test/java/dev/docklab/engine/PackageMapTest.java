package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's package map, written down and checked: each package may use only the packages listed
 * for it (leaf first), so no cycle can creep in. The façade (dev.docklab.engine itself) may use all.
 */
class PackageMapTest {
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("api", Set.of()),
      Map.entry("digest", Set.of("api")),
      Map.entry("reference", Set.of("api", "digest")),
      Map.entry("sys", Set.of("api")),
      Map.entry("event", Set.of("api")),
      Map.entry("store", Set.of("api", "digest")),
      Map.entry("layer", Set.of("api", "digest", "store", "sys")),
      Map.entry("image", Set.of("api", "digest", "reference", "store", "layer")),
      Map.entry("storage", Set.of("api", "sys", "store")),
      Map.entry("runtime", Set.of("api", "store")),
      Map.entry("bootstrap", Set.of("api", "image", "layer")),
      Map.entry("explain", Set.of("api", "digest")),
      Map.entry("volume", Set.of("api", "store")),
      Map.entry("network", Set.of("api")),
      Map.entry("registry", Set.of("api", "digest", "store", "reference", "image", "layer", "event")),
      Map.entry("build", Set.of("api", "digest", "image", "layer", "reference")),
      Map.entry("container", Set.of("api", "digest", "event", "image", "layer", "runtime", "storage", "store",
          "bootstrap", "sys", "volume", "network")));

  private static final Pattern USE = Pattern.compile("dev\\.docklab\\.engine\\.([a-z]+)\\.");

  @Test
  void packagesUseOnlyWhatTheMapAllows() throws IOException {
    Path src = Path.of("src/main/java/dev/docklab/engine");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = src.relativize(f);
        if (rel.getNameCount() < 2) {
          continue; // the façade
        }
        String pkg = rel.getName(0).toString();
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          violations.add(pkg + " is not in the package map: add it to PackageMapTest.ALLOWED");
          continue;
        }
        Matcher m = USE.matcher(Files.readString(f));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(pkg) && !allowed.contains(used)) {
            violations.add(rel + " uses " + used);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
