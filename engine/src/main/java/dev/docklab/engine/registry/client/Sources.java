package dev.docklab.engine.registry.client;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which repositories a layer blob was pulled from or pushed to ({@code DATA_ROOT/distribution}),
 * so that a push to the same registry can ask for a cross-repository mount instead of uploading
 * the bytes again: Docker's "Mounted from library/busybox".
 */
public final class Sources {
  private final Path dir;

  public Sources(Path dir) {
    this.dir = dir;
  }

  /** Notes that {@code host}'s repository {@code repo} holds blob {@code d}. */
  public synchronized void add(Digest d, String host, String repo) {
    Set<String> all = new LinkedHashSet<>(read(d));
    if (all.add(host + " " + repo)) {
      AtomicFiles.writeNoSync(dir.resolve(d.hex()), (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The repositories of {@code host} known to hold {@code d}. */
  public synchronized List<String> on(Digest d, String host) {
    List<String> out = new ArrayList<>();
    for (String line : read(d)) {
      if (line.startsWith(host + " ")) {
        out.add(line.substring(host.length() + 1));
      }
    }
    return out;
  }

  private List<String> read(Digest d) {
    try {
      Path f = dir.resolve(d.hex());
      return Files.exists(f) ? Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList() : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
