package dev.docklab.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import org.junit.jupiter.api.Test;

/** overlay2's limit, as moby's overlay2 driver: a container's layer stacks on its init layer and at most 127 image layers. */
class OverlayDepthTest {
  private final OverlayDriver driver = new OverlayDriver(null);

  @Test
  void aContainerOnAnImageOf127LayersIsTaken() {
    driver.checkDepth(127);
  }

  @Test
  void aContainerOnAnImageOf128LayersIsRefusedInDockersWords() {
    EngineException e = assertThrows(EngineException.class, () -> driver.checkDepth(128));
    assertEquals("max depth exceeded", e.getMessage());
    assertEquals(EngineException.Kind.SYSTEM, e.kind());
  }

  @Test
  void vfsStacksNothingAndTakesAnyDepth() {
    new VfsDriver().checkDepth(1000);
  }
}
