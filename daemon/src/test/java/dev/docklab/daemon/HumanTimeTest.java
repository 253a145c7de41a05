package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanTimeTest {
  @Test
  void saysDurationsAsDockerDoes() {
    assertEquals("Less than a second", HumanTime.of(Duration.ofMillis(300)));
    assertEquals("1 second", HumanTime.of(Duration.ofSeconds(1)));
    assertEquals("59 seconds", HumanTime.of(Duration.ofSeconds(59)));
    assertEquals("About a minute", HumanTime.of(Duration.ofSeconds(90)));
    assertEquals("5 minutes", HumanTime.of(Duration.ofMinutes(5)));
    assertEquals("About an hour", HumanTime.of(Duration.ofMinutes(70)));
    assertEquals("3 hours", HumanTime.of(Duration.ofHours(3)));
    assertEquals("3 days", HumanTime.of(Duration.ofDays(3)));
    assertEquals("2 weeks", HumanTime.of(Duration.ofDays(15)));
  }
}
