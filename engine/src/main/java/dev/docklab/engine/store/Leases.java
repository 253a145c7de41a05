package dev.docklab.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an unfinished pull holds on to: the blobs and layers of the image it is fetching, named in
 * {@code leases/NAME.json} before the first byte comes and released once the image is recorded. An
 * interrupted pull leaves its lease, so the next pull goes on where it stopped; the start-up sweep
 * keeps what a lease names for 24 hours (as containerd's pull leases), then lets it go.
 */
public final class Leases {
  /** How long an unreleased lease keeps what it names. */
  public static final Duration LIFETIME = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  public Leases(Layout layout) {
    this.dir = layout.leases();
  }

  /** Holds {@code digests} (blobs, diff ids) under {@code name} (a digest's hex: one lease per image pulled). */
  public void hold(String name, Collection<Digest> digests) {
    Map<String, Object> lease = new LinkedHashMap<>();
    lease.put("created", Instant.now().toString());
    lease.put("digests", digests.stream().map(Digest::toString).toList());
    try {
      AtomicFiles.writeNoSync(dir.resolve(name + ".json"), JSON.writeValueAsBytes(lease));
    } catch (IOException e) {
      // a lease that could not be written only costs a download after a crash
    }
  }

  /** Lets go of what {@code name} held. */
  public void release(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name + ".json"));
    } catch (IOException e) {
      // it expires
    }
  }

  /** Everything the leases younger than {@link #LIFETIME} hold; older leases (and unreadable ones) are removed. */
  public Set<Digest> held() throws IOException {
    Set<Digest> out = new HashSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
    Instant cutoff = Instant.now().minus(LIFETIME);
    for (Path f : files) {
      try {
        JsonNode lease = JSON.readTree(f.toFile());
        if (Instant.parse(lease.path("created").asText()).isBefore(cutoff)) {
          Files.deleteIfExists(f);
          continue;
        }
        for (JsonNode d : lease.path("digests")) {
          out.add(Digest.parse(d.asText()));
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(f); // cut short by a crash: it held nothing yet
      }
    }
    return out;
  }
}
