package dev.docklab.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.DetachKeys;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.LogLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A container's streams: logs (with follow, tail, since), attach (hijacked) and wait. */
final class StreamRoutes {
  private static final String C = "/containers/" + Routes.NAME;
  private final Engine engine;
  private final EventHub events;
  private final Attachments attachments;

  StreamRoutes(Engine engine, EventHub events, Attachments attachments) {
    this.engine = engine;
    this.events = events;
    this.attachments = attachments;
  }

  void register(Api api) {
    api.on("GET", C + "/logs", this::logs)
        .on("POST", C + "/attach", this::attach)
        .on("POST", C + "/wait", this::await);
  }

  private void logs(Exchange x) throws IOException {
    Container c = engine.containers().inspect(x.param(0));
    boolean stdout = x.flag("stdout");
    boolean stderr = x.flag("stderr");
    if (!stdout && !stderr) {
      throw ApiError.badRequest("Bad parameters: you must choose at least one stream");
    }
    boolean timestamps = x.flag("timestamps");
    Instant since = time(x.query("since"));
    Instant until = time(x.query("until"));
    Containers.Logs logs = engine.containers().logs(c.id());
    List<LogLine> lines = logs.lines().stream()
        .filter(l -> since == null || !l.time().isBefore(since))
        .filter(l -> until == null || l.time().isBefore(until)).toList();
    String tail = x.query("tail", "all");
    if (!tail.equals("all") && !tail.isEmpty()) {
      int n;
      try {
        n = Integer.parseInt(tail);
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("invalid value for \"tail\": \"" + tail + "\"");
      }
      lines = n < 0 ? lines : lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
    try (OutputStream out = x.stream(200, c.tty() ? Frames.RAW : Frames.MULTIPLEXED)) {
      Frames frames = new Frames(out, c.tty());
      for (LogLine l : lines) {
        line(frames, l, stdout, stderr, timestamps);
      }
      if (x.flag("follow") && until == null) {
        AtomicBoolean gone = new AtomicBoolean();
        engine.containers().follow(c.id(), logs.position(), l -> {
          try {
            line(frames, l, stdout, stderr, timestamps);
          } catch (IOException e) {
            gone.set(true);
          }
        }, gone::get);
      }
    }
  }

  private static void line(Frames frames, LogLine l, boolean stdout, boolean stderr, boolean timestamps)
      throws IOException {
    if ((l.stream() == 2 && !stderr) || (l.stream() != 2 && !stdout)) {
      return;
    }
    String text = (timestamps ? DateTimeFormatter.ISO_INSTANT.format(l.time()) + " " : "") + l.text() + "\n";
    frames.write(l.stream() == 2 ? 2 : 1, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant time(String q) {
    if (q == null || q.isEmpty() || q.equals("0")) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(q);
      long whole = (long) seconds;
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid time value: " + q);
    }
  }

  private void attach(Exchange x) {
    Container c = engine.containers().inspect(x.param(0));
    if (c.state().paused()) {
      throw ApiError.conflict("You cannot attach to a paused container, unpause it first");
    }
    boolean stdin = x.flag("stdin");
    boolean stdout = x.flag("stdout") || !x.flag("stream");
    boolean stderr = x.flag("stderr");
    // moby's attach route says it so; its exec route says "escape keys"
    byte[] detach = DetachKeys.parse(x.query("detachKeys"),
        keys -> ApiError.badRequest("Invalid detach keys (" + keys + ") provided"));
    CompletableFuture<Attachment> pending = attachments.attach(c);
    Hijack.upgrade(x, c.tty() ? Frames.RAW : Frames.MULTIPLEXED, "docklab-attach-" + c.shortId(), (in, out) -> {
      Attachment a;
      try {
        a = pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        attachments.abandon(c.id(), pending);
        return;
      }
      if (a == null) {
        return;
      }
      attachments.opened(c.id(), a);
      try {
        relay(a, c.tty(), in, stdin, out, stdout, stderr, detach);
      } finally {
        attachments.closed(c.id(), a);
        a.close();
      }
    });
  }

  /** Copies the container's output to the client and the client's input to the container, until either ends. */
  static void relay(Attachment a, boolean tty, InputStream in, boolean stdin, Hijack.Output out, boolean stdout,
      boolean stderr, byte[] detach) throws IOException {
    Frames frames = new Frames(out.stream(), tty);
    Thread input = new Thread(() -> {
      DetachKeys keys = new DetachKeys(detach);
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          byte[] chunk = stdin ? keys.scan(buf, n) : new byte[0];
          if (chunk.length > 0) {
            a.write(chunk);
          }
          if (keys.detached()) {
            a.close();
            return;
          }
        }
        if (stdin && tty) {
          // a terminal's client that closes has gone away (the CLI never half-closes a terminal)
          a.close();
        } else if (stdin) {
          // the client's input ended (echo x | docker run -i ...): the container's does too, output goes on;
          // a client that went away altogether is let go at the container's next output or its end
          a.closeStdin();
        }
      } catch (IOException | RuntimeException e) {
        a.close();
      }
    }, "docklab-attach-stdin");
    input.setDaemon(true);
    input.start();
    Attachment.Packet p;
    while ((p = a.read()) != null) {
      if ((p.stream() == 2 && stderr) || (p.stream() != 2 && stdout)) {
        frames.write(p.stream() == 2 ? 2 : 1, p.data());
      }
    }
    out.closeWrite();
  }

  private void await(Exchange x) throws IOException {
    String condition = x.query("condition", "not-running");
    BlockingQueue<ObjectNode> queue = events.subscribe();
    try {
      Container c = engine.containers().inspect(x.param(0));
      boolean ran = c.state().running();
      try (OutputStream out = x.stream(200, "application/json")) {
        int code = switch (condition) {
          case "next-exit" -> nextExit(queue, c.id(), false);
          case "removed" -> nextExit(queue, c.id(), true);
          default -> ran ? nextExit(queue, c.id(), false) : c.state().exitCode();
        };
        out.write(Json.MAPPER.writeValueAsBytes(Map.of("StatusCode", code)));
        out.write('\n');
      }
    } catch (EngineException e) {
      throw ApiError.of(e);
    } finally {
      events.unsubscribe(queue);
    }
  }

  /** Waits for the container's next die event (and its destroy, when {@code removed}); its exit code. */
  private int nextExit(BlockingQueue<ObjectNode> queue, String id, boolean removed) {
    int code = -1;
    try {
      while (true) {
        ObjectNode e = queue.poll(1, TimeUnit.SECONDS);
        if (e == null) {
          if (gone(id)) {
            return code < 0 ? 0 : code;
          }
          continue;
        }
        if (!id.equals(e.path("id").asText())) {
          continue;
        }
        String action = e.path("Action").asText();
        if (action.equals("die")) {
          code = e.path("Actor").path("Attributes").path("exitCode").asInt(0);
          if (!removed || gone(id)) {
            return code;
          }
        } else if (action.equals("destroy")) {
          return code < 0 ? 0 : code;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted"));
    }
  }

  private boolean gone(String id) {
    try {
      engine.containers().inspect(id);
      return false;
    } catch (EngineException e) {
      return true;
    }
  }
}
