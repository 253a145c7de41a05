package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.api.StatsSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsRowsTest {
  private static final String ID = "3f5c0d6e1a2b" + "0".repeat(52);
  private static final StatsSample BEFORE = new StatsSample(Instant.EPOCH, 1_000_000_000L, 100_000_000_000L, 2, 0, 0,
      0, 0, 0, 0, 0, 0);
  private static final StatsSample NOW = new StatsSample(Instant.EPOCH, 1_250_000_000L, 102_000_000_000L, 2, 540_672,
      1_073_741_824L, 0, 1_296, 936, 4_096, 0, 2);

  @Test
  void rowsAreDockersColumnsComputedFromTwoReadings() {
    List<Map<String, Object>> rows = List.of(StatsRows.fields("clock", ID, "clock", NOW, BEFORE, false));
    assertEquals(List.of(
        "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O        BLOCK I/O    PIDS",
        "3f5c0d6e1a2b   clock     25.00%    528KiB / 1GiB       0.05%     1.3kB / 936B   4.1kB / 0B   2"),
        StatsRows.render(StatsRows.DEFAULT_FORMAT, rows));
  }

  @Test
  void aTemplateAndNoTruncation() {
    List<Map<String, Object>> rows = List.of(StatsRows.fields("clock", ID, "clock", NOW, null, true));
    assertEquals(List.of(ID + " 0.00% 2"), StatsRows.render("{{.ID}} {{.CPUPerc}} {{.PIDs}}", rows));
    assertEquals(List.of("CONTAINER   CPU %", "clock       0.00%"),
        StatsRows.render("table {{.Container}}\t{{.CPUPerc}}", rows));
  }
}
