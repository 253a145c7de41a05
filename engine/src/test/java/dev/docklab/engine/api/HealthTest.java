package dev.docklab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker's rules for a container's health: a pass, failures in a row, the start period, the log of five. */
class HealthTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Lifecycle.Healthcheck CHECK =
      new Lifecycle.Healthcheck(List.of("CMD-SHELL", "false"), 0, 0, 0, 0, 2);

  private static Health.Probe probe(int seconds, int exit) {
    Instant at = T0.plusSeconds(seconds);
    return new Health.Probe(at.toString(), at.plusMillis(10).toString(), exit, "");
  }

  @Test
  void retriesFailuresInARowMakeItUnhealthyAndAPassHealthyAgain() {
    Health h = Health.starting(null, T0.toString());
    h = h.after(probe(1, 1), CHECK, T0);
    assertEquals(Health.STARTING, h.status());
    assertEquals(1, h.failingStreak());
    h = h.after(probe(2, 1), CHECK, T0);
    assertEquals(Health.UNHEALTHY, h.status());
    assertEquals(2, h.failingStreak());
    h = h.after(probe(3, 0), CHECK, T0);
    assertEquals(Health.HEALTHY, h.status());
    assertEquals(0, h.failingStreak());
  }

  @Test
  void failuresInTheStartPeriodDoNotCountWhileStarting() {
    Lifecycle.Healthcheck graced = new Lifecycle.Healthcheck(List.of("CMD", "false"), 0, 0, 10_000_000_000L, 0, 1);
    Health h = Health.starting(null, T0.toString()).after(probe(5, 1), graced, T0);
    assertEquals(Health.STARTING, h.status());
    assertEquals(0, h.failingStreak());
    h = h.after(probe(11, 1), graced, T0);
    assertEquals(Health.UNHEALTHY, h.status());
  }

  @Test
  void keepsTheLastFiveProbes() {
    Health h = Health.starting(null, T0.toString());
    for (int i = 0; i < 7; i++) {
      h = h.after(probe(i, 0), CHECK, T0);
    }
    assertEquals(5, h.log().size());
    assertEquals(probe(2, 0).start(), h.log().get(0).start());
  }

  @Test
  void aContainerShowsStartingThenItsProbesThenUnhealthyOnceStopped() {
    Lifecycle withCheck = new Lifecycle(CHECK, null, null, null, null, null);
    Container.State running = new Container.State(ContainerStatus.RUNNING, 1, 0, "", T0.toString(), null, 2, false);
    Container c = new Container("a".repeat(64), "n", T0.toString(), "busybox", "sha256:" + "b".repeat(64), "sh",
        List.of(), List.of(), "/", "", "overlay2", new Container.HostConfig(0, 0, false, RestartPolicy.NO), running,
        false, false, 0, List.of(), List.of(), null, Map.of(), null, null, null, null, null, withCheck);
    assertEquals(Health.STARTING, c.health().status());
    Health probed = c.health().after(probe(1, 0), CHECK, T0);
    c = c.withState(c.state().withHealth(probed));
    assertEquals(Health.HEALTHY, c.health().status());
    Container stopped = c.withState(new Container.State(ContainerStatus.EXITED, 0, 0, "", T0.toString(),
        T0.plusSeconds(9).toString(), 0, true));
    assertEquals(Health.UNHEALTHY, stopped.health().status());
    assertEquals(1, stopped.health().log().size());
    Container again = stopped.withState(new Container.State(ContainerStatus.RUNNING, 1, 0, "",
        T0.plusSeconds(20).toString(), null, 2, false));
    assertEquals(Health.STARTING, again.health().status());
    assertEquals(1, again.health().log().size());
    Container none = c.withState(running);
    assertNull(new Container(none.id(), "n", T0.toString(), "busybox", none.imageId(), "sh", List.of(), List.of(),
        "/", "", "overlay2", none.hostConfig(), running, false, false, 0).health());
  }
}
