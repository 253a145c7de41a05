package dev.docklab.engine.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void hashesBytesToTheKnownSha256() {
    assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        Sha256.of("hello".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void parsesAndShortens() {
    Digest d = Digest.parse("sha256:" + "0123456789ab".repeat(5) + "cdef");
    assertEquals("0123456789ab", d.shortHex());
  }

  @Test
  void refusesMalformedDigests() {
    assertThrows(EngineException.class, () -> Digest.parse("sha256:xyz"));
    assertThrows(EngineException.class, () -> Digest.parse("nocolon"));
    assertThrows(EngineException.class, () -> Digest.parse("md5:" + "a".repeat(32)));
  }
}
