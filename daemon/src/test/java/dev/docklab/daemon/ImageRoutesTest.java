package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.ImageReference;
import org.junit.jupiter.api.Test;

class ImageRoutesTest {
  @Test
  void theReferenceFilterMatchesNamesTagsAndGlobs() {
    ImageReference saved = ImageReference.parse("saved:v1");
    assertTrue(ImageRoutes.glob("saved", saved));
    assertTrue(ImageRoutes.glob("saved:v1", saved));
    assertTrue(ImageRoutes.glob("sav*", saved));
    assertFalse(ImageRoutes.glob("busybox", saved));
    assertFalse(ImageRoutes.glob("saved:v2", saved));
    assertFalse(ImageRoutes.glob("*", ImageReference.parse("alice/app:v1")));
  }
}
