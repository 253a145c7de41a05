package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The engine's events as Docker's {@code /events} stream gives them: the engine's steps (a container
 * recorded, started, exited, removed, signalled) become create, start, die, destroy and kill; the
 * routes add the actions the engine has no step for (stop, pause, rename...).
 */
public final class EventHub implements EngineListener, AutoCloseable {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
  private final Set<BlockingQueue<ObjectNode>> subscribers = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
  private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "docklab-events");
    t.setDaemon(true);
    return t;
  });
  private final InheritableThreadLocal<EngineListener> caller = new InheritableThreadLocal<>();
  private volatile Engine engine;

  /** The engine the events' containers are looked up in (its name and image go with each event). */
  public void bind(Engine bound) {
    this.engine = bound;
  }

  /**
   * Runs {@code body} with {@code listener} also told the events of this thread (and of the threads it
   * starts meanwhile): the steps one client's call causes, for that client's {@code explain last}.
   */
  <T> T capturing(EngineListener listener, Supplier<T> body) {
    caller.set(listener);
    try {
      return body.get();
    } finally {
      caller.remove();
    }
  }

  @Override
  public void on(EngineEvent event) {
    EngineListener c = caller.get();
    if (c != null) {
      c.on(event);
    }
    switch (event.step()) {
      case NEW -> container("create", event.detail(), Map.of());
      case START -> container("start", event.subject(), Map.of());
      case EXIT -> container("die", event.subject(), Map.of("exitCode", exitCode(event.detail())));
      case REMOVE -> container("destroy", event.subject(), Map.of());
      case SIGNAL -> container("kill", event.subject(), Map.of("signal", signal(event.detail())));
      default -> {
        // steps with no Docker event
      }
    }
  }

  /** Reports a container event: {@code action} on the container {@code id}, with more attributes. */
  void container(String action, String id, Map<String, String> extra) {
    if (id == null || !ID.matcher(id).matches()) {
      return;
    }
    Instant at = Instant.now();
    dispatch.execute(() -> publish(action, id, extra, at));
  }

  /** Reports an image event: {@code action} (pull, push, tag, untag, delete) on {@code id} with its name. */
  void image(String action, String id, String name) {
    Instant at = Instant.now();
    dispatch.execute(() -> {
      ObjectNode e = Json.object();
      e.put("status", action);
      e.put("id", id);
      e.put("Type", "image");
      e.put("Action", action);
      ObjectNode actor = e.putObject("Actor");
      actor.put("ID", id);
      actor.putObject("Attributes").put("name", name);
      e.put("scope", "local");
      e.put("time", at.getEpochSecond());
      e.put("timeNano", at.getEpochSecond() * 1_000_000_000L + at.getNano());
      for (BlockingQueue<ObjectNode> q : subscribers) {
        q.offer(e);
      }
    });
  }

  private void publish(String action, String id, Map<String, String> extra, Instant at) {
    Map<String, String> attributes = new LinkedHashMap<>(describe(id, !action.equals("destroy")));
    attributes.putAll(extra);
    ObjectNode e = Json.object();
    e.put("status", action);
    e.put("id", id);
    e.put("from", attributes.getOrDefault("image", ""));
    e.put("Type", "container");
    e.put("Action", action);
    ObjectNode actor = e.putObject("Actor");
    actor.put("ID", id);
    ObjectNode attrs = actor.putObject("Attributes");
    attributes.forEach(attrs::put);
    e.put("scope", "local");
    e.put("time", at.getEpochSecond());
    e.put("timeNano", at.getEpochSecond() * 1_000_000_000L + at.getNano());
    if (action.equals("destroy")) {
      known.remove(id);
    }
    for (BlockingQueue<ObjectNode> q : subscribers) {
      q.offer(e);
    }
  }

  private Map<String, String> describe(String id, boolean lookUp) {
    Engine e = engine;
    if (lookUp && e != null) {
      try {
        Container c = e.containers().inspect(id);
        Map<String, String> a = new LinkedHashMap<>(c.labels());
        a.put("image", c.image());
        a.put("name", c.name());
        known.put(id, Map.copyOf(a));
        return a;
      } catch (EngineException gone) {
        // removed meanwhile: what was known of it
      }
    }
    return known.getOrDefault(id, Map.of());
  }

  /** A queue that receives every event from now on; give it back with {@link #unsubscribe}. */
  BlockingQueue<ObjectNode> subscribe() {
    BlockingQueue<ObjectNode> q = new LinkedBlockingQueue<>(10_000);
    subscribers.add(q);
    return q;
  }

  void unsubscribe(BlockingQueue<ObjectNode> q) {
    subscribers.remove(q);
  }

  private static String exitCode(String detail) {
    String d = detail == null ? "" : detail.replaceFirst("^exit code ", "");
    int end = 0;
    while (end < d.length() && (Character.isDigit(d.charAt(end)) || (end == 0 && d.charAt(0) == '-'))) {
      end++;
    }
    return end == 0 ? "0" : d.substring(0, end);
  }

  private static String signal(String detail) {
    String d = detail == null ? "" : detail;
    int space = d.indexOf(' ');
    String sig = space < 0 ? d : d.substring(0, space);
    return sig.startsWith("SIG") ? sig.substring(3) : sig;
  }

  @Override
  public void close() {
    dispatch.shutdownNow();
    subscribers.clear();
  }
}
