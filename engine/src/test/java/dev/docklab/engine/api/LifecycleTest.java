package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's lifecycle settings merged with its image's, and refused where Docker's daemon refuses them. */
class LifecycleTest {
  private static ImageConfig.RunConfig image(Map<String, Object> healthcheck, String stopSignal) {
    return new ImageConfig.RunConfig(null, null, null, List.of("sh"), null, null, null, null, stopSignal)
        .withHealthcheck(healthcheck);
  }

  private static Lifecycle of(Lifecycle.Healthcheck h, String signal, Map<String, String> logOpts, String driver) {
    return new Lifecycle(h, signal, null, driver, logOpts, null);
  }

  @Test
  void theImagesHealthcheckAndStopSignalApplyUnlessTheRunSetsItsOwn() {
    Map<String, Object> fromImage = new LinkedHashMap<>();
    fromImage.put("Test", List.of("CMD-SHELL", "wget -q localhost"));
    fromImage.put("Interval", 5_000_000_000L);
    fromImage.put("Retries", 4);
    Lifecycle merged = Lifecycle.NONE.withImage(image(fromImage, "SIGQUIT"));
    assertEquals(List.of("CMD-SHELL", "wget -q localhost"), merged.healthcheck().test());
    assertEquals("SIGQUIT", merged.stopSignal());
    assertEquals(fromImage, merged.healthcheck().toDocker());
    // --health-interval alone keeps the image's test and retries, as Docker merges them
    Lifecycle own = of(new Lifecycle.Healthcheck(List.of(), 2_000_000_000L, 0, 0, 0, 0), "USR1", null, null)
        .withImage(image(fromImage, "SIGQUIT"));
    assertEquals(List.of("CMD-SHELL", "wget -q localhost"), own.healthcheck().test());
    assertEquals(2_000_000_000L, own.healthcheck().interval());
    assertEquals(4, own.healthcheck().retries());
    assertEquals("USR1", own.stopSignal());
    Lifecycle off = of(Lifecycle.Healthcheck.NONE, null, null, null).withImage(image(fromImage, null));
    assertEquals(List.of("NONE"), off.healthcheck().test());
    assertEquals(false, off.healthcheck().active());
  }

  @Test
  void refusesWhatDockersDaemonRefuses() {
    assertEquals("Invalid signal: SIGFOO", assertThrows(EngineException.class,
        () -> of(null, "SIGFOO", null, null).check()).getMessage());
    assertEquals("Interval in Healthcheck cannot be less than 1ms", assertThrows(EngineException.class,
        () -> of(new Lifecycle.Healthcheck(List.of("CMD", "true"), 1000, 0, 0, 0, 0), "", null, null).check())
        .getMessage());
    assertEquals("logger: no log driver named 'syslog' is registered", assertThrows(EngineException.class,
        () -> of(null, "", null, "syslog").check()).getMessage());
    assertEquals("unknown log opt 'mode' for json-file log driver", assertThrows(EngineException.class,
        () -> of(null, "", Map.of("mode", "x"), null).check()).getMessage());
    assertEquals("max-file cannot be less than 1", assertThrows(EngineException.class,
        () -> of(null, "", Map.of("max-file", "0"), "json-file").check()).getMessage());
  }

  @Test
  void maxSizeIsDockersHumanSizeInDecimalUnits() {
    assertEquals(10_000, of(null, "", Map.of("max-size", "10k"), null).logMaxSize());
    assertEquals(2_000_000, of(null, "", Map.of("max-size", "2m"), null).logMaxSize());
    assertEquals(-1, of(null, "", Map.of(), null).logMaxSize());
    assertEquals("invalid size: 'lots'", assertThrows(EngineException.class,
        () -> of(null, "", Map.of("max-size", "lots"), null).logMaxSize()).getMessage());
  }
}
