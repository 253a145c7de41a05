package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.registry.RegistryError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login throttle's sliding windows, on a clock the test moves. */
class LoginThrottleTest {
  /** Two failures for a user at one address, three for a user, four from an address, in a minute. */
  static final HubLimits LIMITS = new HubLimits(2, 3, 4, Duration.ofMinutes(1), 8, 64, 200,
      Duration.ofSeconds(20), 1024);

  /** A clock that stands still until told to move. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void waitsUntilTheOldestFailureLeavesTheWindow() {
    TestClock clock = new TestClock();
    LoginThrottle throttle = new LoginThrottle(LIMITS, clock);
    throttle.begin("alice", "10.0.0.1");
    clock.now = clock.now.plusSeconds(20);
    throttle.begin("alice", "10.0.0.1");
    clock.now = clock.now.plusSeconds(1);
    RegistryError e = assertThrows(RegistryError.class, () -> throttle.begin("alice", "10.0.0.1"));
    assertEquals("TOOMANYREQUESTS", e.code());
    assertEquals(429, e.status());
    assertEquals(39, e.retryAfterSeconds(), "the first failure leaves the window in 39 s");
    clock.now = clock.now.plusSeconds(39);
    throttle.begin("alice", "10.0.0.1").succeeded();
    throttle.begin("alice", "10.0.0.1").succeeded();
    throttle.begin("alice", "10.0.0.1");
  }

  @Test
  void attemptsInFlightCountUntilTheySucceed() {
    TestClock clock = new TestClock();
    LoginThrottle throttle = new LoginThrottle(LIMITS, clock);
    LoginThrottle.Attempt first = throttle.begin("alice", "10.0.0.1");
    throttle.begin("alice", "10.0.0.1");
    assertThrows(RegistryError.class, () -> throttle.begin("alice", "10.0.0.1"),
        "two guesses being checked at once are two failures until proven otherwise");
    first.succeeded();
    throttle.begin("alice", "10.0.0.1");
  }

  @Test
  void eachLimitHasItsOwnScope() {
    TestClock clock = new TestClock();
    LoginThrottle throttle = new LoginThrottle(LIMITS, clock);
    throttle.begin("alice", "10.0.0.1");
    throttle.begin("alice", "10.0.0.1");
    throttle.begin("alice", "10.0.0.2").succeeded(); // another address: the pair's own count
    throttle.begin("bob", "10.0.0.1").succeeded(); // another user from the same address
    throttle.begin("alice", "10.0.0.3");
    assertThrows(RegistryError.class, () -> throttle.begin("alice", "10.0.0.4"), "three failures for alice in all");
    throttle.begin("carol", "10.0.0.5");
    throttle.begin("dave", "10.0.0.5");
    throttle.begin("erin", "10.0.0.5");
    throttle.begin("frank", "10.0.0.5");
    assertThrows(RegistryError.class, () -> throttle.begin("grace", "10.0.0.5"), "four failures from one address");
    throttle.begin("grace", "10.0.0.6").succeeded();
  }

  @Test
  void aFloodOfNamesIsForgottenOnceOutOfTheWindow() {
    TestClock clock = new TestClock();
    LoginThrottle throttle = new LoginThrottle(new HubLimits(2, 3, 1_000_000, Duration.ofMinutes(1), 8, 64, 200,
        Duration.ofSeconds(20), 1024), clock);
    for (int i = 0; i < 5000; i++) {
      throttle.begin("user" + i, "10.0.0.1");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    for (int i = 0; i < 5000; i++) {
      throttle.begin("other" + i, "10.0.0.2");
    }
    assertTrue(throttle.keys() < 12_000, throttle.keys() + " keys kept");
  }
}
