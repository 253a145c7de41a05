package dev.docklab.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Dockerfile's HEALTHCHECK in Docker's config form, with every flag Docker 28's builder takes. */
class BuilderHealthcheckTest {
  @Test
  void takesEveryFlagIncludingTheStartInterval() {
    Map<String, Object> h = Builder.healthcheck("--interval=5s --timeout=2s --start-period=10s --start-interval=1s "
        + "--retries=4 CMD wget -q -O- localhost || exit 1");
    assertEquals(Map.of("Interval", 5_000_000_000L, "Timeout", 2_000_000_000L, "StartPeriod", 10_000_000_000L,
        "StartInterval", 1_000_000_000L, "Retries", 4, "Test", List.of("CMD-SHELL", "wget -q -O- localhost || exit 1")),
        h);
    assertEquals(Map.of("Test", List.of("NONE")), Builder.healthcheck("NONE"));
  }
}
