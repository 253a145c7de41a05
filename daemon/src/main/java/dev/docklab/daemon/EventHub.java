package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * recorded, started, exited, removed, signalled, stopped, paused, renamed) become create, start, die, destroy,
 * kill, stop, pause, rename...; the image routes add pull, push, tag, untag and delete.
 */
public final class EventHub implements EngineListener, AutoCloseable {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
  /** How many past events {@code /events?since=} can replay. */
  static final int RECENT = 256;
  private final Set<BlockingQueue<ObjectNode>> subscribers = ConcurrentHashMap.newKeySet();
  private final Deque<ObjectNode> recent = new ArrayDeque<>();
  private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
  private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "docklab-events");
    t.setDaemon(true);
    return t;
  });
  private final InheritableThreadLocal<EngineListener> caller = new InheritableThreadLocal<>();
  private volatile Supplier<Engine> engine = () -> null;

  /** The engine the events' containers are looked up in (its name and image go with each event). */
  public void bind(Engine bound) {
    this.engine = () -> bound;
  }

  /**
   * The engine the events' containers are looked up in, when {@code source} gives one (an engine opened on
   * first use gives null until then; it must never block).
   */
  public void bind(Supplier<Engine> source) {
    this.engine = source;
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
      case STATE -> {
        if (event.args().size() > 1) {
          image(event.args().get(0), event.subject(), event.args().get(1));
        } else {
          container(event.args().isEmpty() ? event.detail() : event.args().get(0), event.subject(), Map.of());
        }
      }
      case PULL -> image("pull", event.detail(), event.subject());
      case HEALTH -> container("health_status: " + event.args().get(0), event.subject(), Map.of());
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
    // named now: a rename or a removal that follows must not change what this event says
    Map<String, String> attributes = new LinkedHashMap<>(describe(id, !action.equals("destroy")));
    attributes.putAll(extra);
    dispatch.execute(() -> publish(action, id, attributes, at));
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
      deliver(e);
    });
  }

  private void publish(String action, String id, Map<String, String> attributes, Instant at) {
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
    deliver(e);
  }

  /** Keeps {@code e} among the recent events and hands it to every subscriber. */
  private synchronized void deliver(ObjectNode e) {
    recent.addLast(e);
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
    for (BlockingQueue<ObjectNode> q : subscribers) {
      q.offer(e);
    }
  }

  private Map<String, String> describe(String id, boolean lookUp) {
    Engine e = lookUp ? engine.get() : null;
    if (e != null) {
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
    return subscribe(Long.MAX_VALUE);
  }

  /**
   * A queue that first holds the recent events (the last {@value #RECENT}, as dockerd keeps them) from
   * {@code sinceNanos} (Unix time in nanoseconds) on, then receives every event from now on.
   */
  synchronized BlockingQueue<ObjectNode> subscribe(long sinceNanos) {
    BlockingQueue<ObjectNode> q = new LinkedBlockingQueue<>(10_000);
    for (ObjectNode e : recent) {
      if (e.path("timeNano").asLong() >= sinceNanos) {
        q.offer(e);
      }
    }
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
