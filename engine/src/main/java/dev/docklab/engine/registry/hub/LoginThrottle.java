package dev.docklab.engine.registry.hub;

import dev.docklab.engine.registry.RegistryError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Failed logins, counted over a sliding window for a user at one address, for a user anywhere and
 * for an address whatever the user: past any limit, the next attempt waits until enough failures
 * have left the window. An attempt counts as a failure from the moment it starts, so that parallel
 * guesses cannot slip past the limit while their passwords are being checked.
 */
final class LoginThrottle {
  /** The longest user name kept as a key: real ones have 30 characters at most. */
  private static final int MAX_NAME = 64;
  private final HubLimits limits;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();
  private int sweepAt = 1024;

  LoginThrottle(HubLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** One login being checked: a failure unless it {@link #succeeded()}. */
  final class Attempt {
    private final String[] keys;
    private final Instant at;

    private Attempt(String[] keys, Instant at) {
      this.keys = keys;
      this.at = at;
    }

    /** The password was right: this attempt is no failure, and the user's failures at this address are forgotten. */
    void succeeded() {
      synchronized (LoginThrottle.this) {
        for (String k : keys) {
          Deque<Instant> d = failures.get(k);
          if (d != null) {
            d.removeLastOccurrence(at);
          }
        }
        failures.remove(keys[0]);
      }
    }
  }

  /**
   * Starts a login of {@code user} from {@code address}; TOOMANYREQUESTS with the seconds to wait when
   * either has failed too often within the window.
   */
  synchronized Attempt begin(String user, String address) {
    String name = user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
    String[] keys = {"pair\0" + name + "\0" + address, "user\0" + name, "addr\0" + address};
    int[] limit = {limits.failuresPerUserAndAddress(), limits.failuresPerUser(), limits.failuresPerAddress()};
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (int i = 0; i < keys.length; i++) {
      Deque<Instant> d = recent(keys[i], now);
      if (d != null && d.size() >= limit[i]) {
        Duration w = Duration.between(now, d.peekFirst().plus(limits.loginWindow()));
        wait = w.compareTo(wait) > 0 ? w : wait;
      }
    }
    if (!wait.isZero() && !wait.isNegative()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw RegistryError.tooManyRequests("too many failed login attempts for this user name or address: try again in "
          + seconds + (seconds == 1 ? " second" : " seconds"), seconds);
    }
    for (int i = 0; i < keys.length; i++) {
      Deque<Instant> d = failures.computeIfAbsent(keys[i], k -> new ArrayDeque<>());
      d.addLast(now);
      while (d.size() > limit[i]) {
        d.removeFirst();
      }
    }
    if (failures.size() > sweepAt) {
      sweep(now);
    }
    return new Attempt(keys, now);
  }

  /** How many keys (user and address pairs, users, addresses) it holds failures for. */
  synchronized int keys() {
    return failures.size();
  }

  /** The failures of {@code key} still inside the window (older ones dropped), or null. */
  private Deque<Instant> recent(String key, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return null;
    }
    Instant from = now.minus(limits.loginWindow());
    while (!d.isEmpty() && !d.peekFirst().isAfter(from)) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return null;
    }
    return d;
  }

  /** Forgets every key with no failure left in the window, so that a flood of names cannot fill memory. */
  private void sweep(Instant now) {
    Instant from = now.minus(limits.loginWindow());
    for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Instant> d = it.next();
      if (d.isEmpty() || !d.peekLast().isAfter(from)) {
        it.remove();
      }
    }
    sweepAt = Math.max(1024, failures.size() * 2);
  }
}
