package dev.docklab.shell.render;

import dev.docklab.engine.api.StatsSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code docker stats}' fields and table, computed as the docker CLI computes them from two readings. */
public final class StatsRows {
  /** The default format, Docker's. */
  public static final String DEFAULT_FORMAT =
      "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
  /** Each field's column heading, Docker's. */
  public static final Map<String, String> HEADERS = Map.of("Container", "CONTAINER", "ID", "CONTAINER ID", "Name",
      "NAME", "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O", "BlockIO",
      "BLOCK I/O", "PIDs", "PIDS");

  private StatsRows() {}

  /**
   * The fields of one container's row.
   *
   * @param given how the learner named it (or its short id when none was given)
   * @param previous the reading before {@code now} (for the CPU share), or null
   */
  public static Map<String, Object> fields(String given, String id, String name, StatsSample now,
      StatsSample previous, boolean noTrunc) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Container", given);
    f.put("ID", noTrunc ? id : id.substring(0, Math.min(12, id.length())));
    f.put("Name", name);
    double cpu = previous == null ? 0.0 : now.cpuPercent(previous);
    f.put("CPUPerc", String.format(Locale.ROOT, "%.2f%%", cpu));
    f.put("MemUsage", Human.binarySize(now.memoryUsage()) + " / " + Human.binarySize(now.memoryLimit()));
    f.put("MemPerc", String.format(Locale.ROOT, "%.2f%%", now.memoryPercent()));
    f.put("NetIO", Human.size(now.netRx()) + " / " + Human.size(now.netTx()));
    f.put("BlockIO", Human.size(now.blockRead()) + " / " + Human.size(now.blockWrite()));
    f.put("PIDs", String.valueOf(now.pids()));
    return f;
  }

  /** The lines of a {@code table ...} format (or a plain template) over the rows' fields. */
  public static List<String> render(String format, List<Map<String, Object>> rows) {
    boolean table = format.startsWith("table");
    String body = table ? format.substring(5).trim() : format;
    if (body.isEmpty()) {
      body = DEFAULT_FORMAT.substring(6);
    }
    GoTemplate t = GoTemplate.parse(body);
    List<List<String>> cells = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      String line = t.execute(r);
      if (!table) {
        lines.add(line);
      }
      cells.add(List.of(line.split("\t", -1)));
    }
    if (!table) {
      return lines;
    }
    List<String> header = new ArrayList<>();
    for (String f : t.fields()) {
      header.add(HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT)));
    }
    List<List<String>> padded = new ArrayList<>();
    for (List<String> c : cells) {
      List<String> row = new ArrayList<>(c);
      while (row.size() < header.size()) {
        row.add("");
      }
      padded.add(row);
    }
    return Table.render(header, padded);
  }
}
