package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --security-opt} as Docker's daemon reads it. */
class SecurityOptsTest {
  @Test
  void nothingMeansTheDefaultProfile() {
    SecurityOpts o = SecurityOpts.parse(List.of());
    assertNull(o.seccomp());
    assertFalse(o.seccompUnconfined());
    assertFalse(o.customSeccomp());
    assertFalse(o.noNewPrivileges());
    assertNull(SecurityOpts.parse(List.of("seccomp=builtin")).seccomp(), "the docker client's name of the default");
  }

  @Test
  void readsEachKey() {
    SecurityOpts o = SecurityOpts.parse(List.of("seccomp=unconfined", "apparmor=unconfined", "no-new-privileges",
        "label=disable"));
    assertTrue(o.seccompUnconfined());
    assertEquals("unconfined", o.appArmor());
    assertTrue(o.noNewPrivileges());
    assertEquals(4, o.values().size());
    assertTrue(SecurityOpts.parse(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}")).customSeccomp());
    assertTrue(SecurityOpts.parse(List.of("no-new-privileges=true")).noNewPrivileges());
    assertFalse(SecurityOpts.parse(List.of("no-new-privileges=false")).noNewPrivileges());
    assertEquals("docker-default", SecurityOpts.parse(List.of("apparmor:docker-default")).appArmor(),
        "the old ':' separator");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "privileged|invalid --security-opt 1: \"privileged\"",
      "seccom=unconfined|invalid --security-opt 2: \"seccom=unconfined\"",
      "no-new-privileges=maybe|invalid --security-opt 2: \"no-new-privileges=maybe\""})
  void refusesInDockersWords(String opt, String message) {
    assertEquals(message, assertThrows(EngineException.class, () -> SecurityOpts.parse(List.of(opt))).getMessage());
  }
}
