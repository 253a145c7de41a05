package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Go's durations, as docker's duration flags read them and its messages write them. */
class GoDurationTest {
  @Test
  void readsGoSyntax() {
    assertEquals(Duration.ofSeconds(30), GoDuration.parse("30s"));
    assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
    assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
    assertEquals(Duration.ofMillis(500), GoDuration.parse("500ms"));
    assertEquals(Duration.ofHours(2), GoDuration.parse("2h"));
    assertEquals(Duration.ZERO, GoDuration.parse("0"));
    assertEquals(Duration.ofSeconds(-5), GoDuration.parse("-5s"));
  }

  @Test
  void refusesInGosWords() {
    assertEquals("time: invalid duration \"abc\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("abc")).getMessage());
    assertEquals("time: missing unit in duration \"5\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("5")).getMessage());
    assertEquals("time: unknown unit \"x\" in duration \"5x\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("5x")).getMessage());
  }

  @Test
  void writesAsGoDoes() {
    assertEquals("30s", GoDuration.format(Duration.ofSeconds(30)));
    assertEquals("1m0s", GoDuration.format(Duration.ofMinutes(1)));
    assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
    assertEquals("500ms", GoDuration.format(Duration.ofMillis(500)));
    assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
    assertEquals("0s", GoDuration.format(Duration.ZERO));
  }
}
