package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
  @Test
  void saysDurationsAsDockerDoes() {
    assertEquals("Less than a second", HumanDuration.of(Duration.ofMillis(300)));
    assertEquals("1 second", HumanDuration.of(Duration.ofSeconds(1)));
    assertEquals("59 seconds", HumanDuration.of(Duration.ofSeconds(59)));
    assertEquals("About a minute", HumanDuration.of(Duration.ofSeconds(90)));
    assertEquals("5 minutes", HumanDuration.of(Duration.ofMinutes(5)));
    assertEquals("About an hour", HumanDuration.of(Duration.ofMinutes(70)));
    assertEquals("3 hours", HumanDuration.of(Duration.ofHours(3)));
    assertEquals("3 days", HumanDuration.of(Duration.ofDays(3)));
    assertEquals("2 weeks", HumanDuration.of(Duration.ofDays(15)));
  }
}
