package dev.docklab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import org.junit.jupiter.api.Test;

/** Docker's layer store takes a layer on at most 124 below it: 125 layers an image (moby's maxLayerDepth). */
class LayerDepthTest {
  @Test
  void the125thLayerIsTaken() {
    LayerStore.checkDepth(124);
  }

  @Test
  void the126thLayerIsRefusedInDockersWords() {
    EngineException e = assertThrows(EngineException.class, () -> LayerStore.checkDepth(125));
    assertEquals("max depth exceeded", e.getMessage());
  }
}
