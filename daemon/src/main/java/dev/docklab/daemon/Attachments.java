package dev.docklab.daemon;

import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Started;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers' stdio as the API's clients hold it: an attach made before the start (as {@code docker
 * run} makes it) gets the stdio of the start, so that no output is lost; live attachments answer
 * resizes.
 */
final class Attachments {
  private final Engine engine;
  private final Map<String, CompletableFuture<Attachment>> waiting = new ConcurrentHashMap<>();
  private final Map<String, Set<Attachment>> live = new ConcurrentHashMap<>();

  Attachments(Engine engine) {
    this.engine = engine;
  }

  /** The stdio of {@code c}: now when it runs, else at its start. */
  CompletableFuture<Attachment> attach(Container c) {
    if (c.state().running()) {
      return CompletableFuture.completedFuture(engine.containers().attach(c.id()));
    }
    return waiting.computeIfAbsent(c.id(), id -> new CompletableFuture<>());
  }

  /** Gives up waiting for {@code c}'s start (its client went away). */
  void abandon(String id, CompletableFuture<Attachment> pending) {
    waiting.remove(id, pending);
  }

  /** {@code docker start}: attached when a client waits for its stdio. */
  Container start(String id) {
    CompletableFuture<Attachment> pending = waiting.remove(id);
    if (pending == null) {
      return engine.containers().start(id, false).container();
    }
    try {
      Started s = engine.containers().start(id, true);
      if (!pending.complete(s.attachment()) && s.attachment() != null) {
        s.attachment().close();
      }
      return s.container();
    } catch (RuntimeException e) {
      pending.completeExceptionally(e);
      throw e;
    }
  }

  void opened(String id, Attachment a) {
    live.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(a);
  }

  void closed(String id, Attachment a) {
    live.computeIfPresent(id, (k, set) -> {
      set.remove(a);
      return set.isEmpty() ? null : set;
    });
  }

  /** Resizes the container's terminal, through an attachment a client holds or a short one. */
  void resize(String id, int rows, int cols) {
    Set<Attachment> held = live.get(id);
    if (held != null && !held.isEmpty()) {
      held.iterator().next().resize(rows, cols);
      return;
    }
    try (Attachment a = engine.containers().attach(id)) {
      a.resize(rows, cols);
    }
  }
}
