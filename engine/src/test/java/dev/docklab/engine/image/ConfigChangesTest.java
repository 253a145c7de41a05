package dev.docklab.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {
  @Test
  void wordsKeepQuotedSpacesAndDropTheQuotes() {
    assertEquals(List.of("a=x y", "b=it's", "c=d e", "f=\"q\""),
        ConfigChanges.words("a=\"x y\"  b=\"it's\" c=d\\ e f='\"q\"'"));
    assertThrows(EngineException.class, () -> ConfigChanges.words("a=\"open"));
  }
}
