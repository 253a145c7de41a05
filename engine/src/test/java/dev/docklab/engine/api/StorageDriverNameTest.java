package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageDriverNameTest {
  @Test
  void overlayIsAnAliasOfOverlay2() {
    assertEquals(StorageDriverName.OVERLAY2, StorageDriverName.of("overlay"));
    assertEquals(StorageDriverName.OVERLAY2, StorageDriverName.of("overlay2"));
    assertEquals("overlay2", StorageDriverName.of("overlay").dockerName());
  }

  @Test
  void onlyOverlay2HasAUnionMount() {
    assertTrue(StorageDriverName.OVERLAY2.unionMount());
    assertFalse(StorageDriverName.of("vfs").unionMount());
  }

  @Test
  void anUnknownDriverIsRefusedWithTheChoices() {
    EngineException e = assertThrows(EngineException.class, () -> StorageDriverName.of("aufs"));
    assertEquals("unknown storage driver \"aufs\": choose overlay2 or vfs", e.getMessage());
    assertEquals(EngineException.Kind.INVALID, e.kind());
  }
}
