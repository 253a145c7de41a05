package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemorySizeTest {
  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({"1024, 1024", "100k, 102400", "512m, 536870912", "512MB, 536870912", "1g, 1073741824",
      "1.5g, 1610612736", "64M, 67108864", "2gib, 2147483648"})
  void parsesDockerUnits(String text, long bytes) {
    assertEquals(bytes, MemorySize.parse(text));
  }

  @Test
  void refusesGarbageSayingWhatToType() {
    EngineException e = assertThrows(EngineException.class, () -> MemorySize.parse("lots"));
    assertEquals("invalid size: 'lots' (use a number with an optional unit: b, k, m, g)", e.getMessage());
  }

  @Test
  void appliesDockersMinimum() {
    EngineException e = assertThrows(EngineException.class, () -> MemorySize.parseMemoryLimit("1m"));
    assertEquals("Minimum memory limit allowed is 6MB", e.getMessage());
  }
}
