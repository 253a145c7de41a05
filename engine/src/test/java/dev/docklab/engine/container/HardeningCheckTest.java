package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Docker's daemon refuses of a new container's hardening settings, in its words. */
class HardeningCheckTest {
  private static String refusal(Hardening h) {
    return assertThrows(EngineException.class, () -> HardeningCheck.check(h)).getMessage();
  }

  private static Hardening of(List<String> capDrop, long shm, Map<String, String> tmpfs, List<String> rules,
      String userns, Map<String, String> storage) {
    return new Hardening(false, null, capDrop, false, tmpfs, shm, null, null, null, rules, null, null, null, userns,
        storage);
  }

  @Test
  void dockersDefaultsPass() {
    HardeningCheck.check(Hardening.NONE);
    HardeningCheck.check(of(List.of("all", "cap_chown"), 1, Map.of("/tmp", ""), List.of("a *:* rwm"), "host", null));
  }

  @Test
  void eachRefusalIsTheDaemonsLine() {
    assertEquals("invalid CapDrop: unknown capability: \"CAP_NOPE\"", refusal(of(List.of("nope"), 0, null, null, null,
        null)));
    assertEquals("SHM size can not be less than 0", refusal(of(null, -1, null, null, null, null)));
    assertEquals("invalid mount path: 'tmp' mount path must be absolute",
        refusal(of(null, 0, Map.of("tmp", ""), null, null, null)));
    assertEquals("invalid specification: destination can't be '/'",
        refusal(of(null, 0, Map.of("/", ""), null, null, null)));
    assertEquals("invalid device cgroup rule format: 'x 1:2 r'",
        refusal(of(null, 0, null, List.of("x 1:2 r"), null, null)));
    assertEquals("--userns: invalid USER mode", refusal(of(null, 0, null, null, "private", null)));
    assertEquals("--storage-opt is supported only for overlay over xfs with 'pquota' mount option",
        refusal(of(null, 0, null, null, null, Map.of("size", "1G"))));
    assertEquals("Unknown option quota", refusal(of(null, 0, null, null, null, Map.of("quota", "1"))));
  }
}
