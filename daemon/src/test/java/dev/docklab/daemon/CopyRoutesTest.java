package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.PathStat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CopyRoutesTest {
  @Test
  void modesAreGosFileModes() {
    assertEquals((1L << 31) | 0755, CopyRoutes.goMode(040755));
    assertEquals((1L << 27) | 0777, CopyRoutes.goMode(0120777));
    assertEquals(0644, CopyRoutes.goMode(0100644));
    assertEquals((1L << 26) | (1L << 21) | 0666, CopyRoutes.goMode(020666));
    assertEquals((1L << 31) | (1L << 20) | 0777, CopyRoutes.goMode(041777));
  }

  @Test
  void theStatHeaderIsBase64Json() {
    String json = new String(Base64.getDecoder().decode(CopyRoutes.header(
        new PathStat("hosts", 12, 0100644, Instant.parse("2024-01-02T03:04:05Z"), ""))), StandardCharsets.UTF_8);
    assertEquals("{\"name\":\"hosts\",\"size\":12,\"mode\":420,\"mtime\":\"2024-01-02T03:04:05Z\",\"linkTarget\":\"\"}", json);
    assertTrue(json.contains("\"mode\":420"));
  }
}
