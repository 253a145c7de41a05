package dev.docklab.engine.registry.hub;

import java.time.Duration;

/**
 * How much of the hub one client may take: failed logins before it must wait, request bodies at
 * once, and how slowly a body may arrive.
 *
 * @param failuresPerUserAndAddress failed logins of one user from one address within {@code loginWindow}
 *     before that pair must wait
 * @param failuresPerUser failed logins of one user from any address within the window (a guess spread
 *     over many addresses)
 * @param failuresPerAddress failed logins from one address for any user within the window
 * @param loginWindow how far back failures count; a client that stops failing is let in again after it
 * @param bodiesPerAccount request bodies (uploads, manifests) one account may send at once
 * @param bodies request bodies the hub receives at once, all accounts together
 * @param threads the most threads the hub serves with; {@code threads - bodies} stay for everything
 *     else (pings, tokens, pulls)
 * @param idleTimeout how long a connection may send nothing while a body is expected
 * @param minBytesPerSecond the slowest average rate a body may arrive at
 */
public record HubLimits(int failuresPerUserAndAddress, int failuresPerUser, int failuresPerAddress,
    Duration loginWindow, int bodiesPerAccount, int bodies, int threads, Duration idleTimeout,
    long minBytesPerSecond) {

  /**
   * A classroom's: five wrong passwords a minute for one user from one place, twenty for one user,
   * thirty from one address (a classroom behind one NAT); eight uploads at once for an account
   * (Docker pushes five layers at a time), 64 in all out of 200 threads; 20 s of silence or less
   * than 1 KiB/s once past a body's first three seconds ends it.
   */
  public static final HubLimits DEFAULTS = new HubLimits(5, 20, 30, Duration.ofMinutes(1), 8, 64, 200,
      Duration.ofSeconds(20), 1024);

  public HubLimits {
    if (failuresPerUserAndAddress < 1 || failuresPerUser < 1 || failuresPerAddress < 1 || bodiesPerAccount < 1
        || bodies < bodiesPerAccount || loginWindow.isNegative() || loginWindow.isZero()
        || idleTimeout.isNegative() || idleTimeout.isZero() || minBytesPerSecond < 0) {
      throw new IllegalArgumentException("impossible hub limits: every count and duration must be positive, and"
          + " the bodies of all accounts at least those of one");
    }
    if (threads < bodies + 16) {
      throw new IllegalArgumentException("the hub needs at least 16 threads beside its " + bodies
          + " request bodies, not " + threads);
    }
  }
}
