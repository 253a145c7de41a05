package dev.docklab.engine.registry.hub;

import dev.docklab.engine.registry.RegistryError;
import java.util.HashMap;
import java.util.Map;

/**
 * The request bodies (uploads, manifests) the hub is receiving at once, per account and in all. Each
 * holds a thread until its last byte, so past either limit a new one is refused with 429 and the
 * threads left keep answering pings, tokens and pulls.
 */
final class BodySlots {
  /** What a refused client is told to wait: an upload of another layer is likely to end by then. */
  static final long RETRY_AFTER_SECONDS = 2;
  private final int perAccount;
  private final int total;
  private final Map<String, Integer> byAccount = new HashMap<>();
  private int inUse;

  BodySlots(HubLimits limits) {
    this.perAccount = limits.bodiesPerAccount();
    this.total = limits.bodies();
  }

  /** A slot held while one body is read; closing it frees the slot. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /** A slot for a body sent by {@code account}; TOOMANYREQUESTS when it, or the hub, has no slot left. */
  synchronized Slot take(String account) {
    int mine = byAccount.getOrDefault(account, 0);
    if (mine >= perAccount) {
      throw RegistryError.tooManyRequests("too many uploads at once for " + account + ": the hub takes " + perAccount
          + " at a time from one account", RETRY_AFTER_SECONDS);
    }
    if (inUse >= total) {
      throw RegistryError.tooManyRequests("the hub is receiving " + total + " uploads already: try again in a moment",
          RETRY_AFTER_SECONDS);
    }
    byAccount.put(account, mine + 1);
    inUse++;
    return () -> release(account);
  }

  private synchronized void release(String account) {
    byAccount.computeIfPresent(account, (k, n) -> n > 1 ? n - 1 : null);
    inUse--;
  }
}
