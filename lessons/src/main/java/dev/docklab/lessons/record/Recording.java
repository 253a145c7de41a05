package dev.docklab.lessons.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording under way: on which data root, the state before its first line, and the lines kept.
 *
 * @param dataRoot the data root of the engine the lines run on (lines on another one are not kept)
 * @param started when {@code lesson record} was typed (ISO-8601)
 * @param before the engine's state then
 * @param lines the lines kept, as typed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recording(String dataRoot, String started, Snapshot before, List<String> lines) {
  public Recording {
    before = before == null ? new Snapshot(null, null) : before;
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** This recording with {@code line} kept after the others. */
  public Recording with(String line) {
    List<String> all = new ArrayList<>(lines);
    all.add(line);
    return new Recording(dataRoot, started, before, all);
  }
}
