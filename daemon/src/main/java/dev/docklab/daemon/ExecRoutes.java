package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code docker exec}: an exec is recorded by create, runs (hijacked, with or without a terminal) at
 * start as the engine's exec command line, and keeps its exit code for inspect.
 */
final class ExecRoutes {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** How long an exec that ended stays inspectable. */
  private static final Duration KEPT = Duration.ofMinutes(10);
  private final Engine engine;
  private final Map<String, Exec> execs = new ConcurrentHashMap<>();

  /** One exec: what was asked, and what became of it. */
  private static final class Exec {
    final String id;
    final String container;
    final List<String> command;
    final List<String> env;
    final boolean tty;
    final boolean stdin;
    final boolean stdout;
    final boolean stderr;
    volatile boolean running;
    volatile Integer exitCode;
    volatile long endedAt;
    volatile long pid;
    /** The terminal size the client asked for (0 until it asks). */
    volatile int rows;
    volatile int cols;

    Exec(String id, String container, List<String> command, List<String> env, boolean tty, boolean stdin,
        boolean stdout, boolean stderr) {
      this.id = id;
      this.container = container;
      this.command = command;
      this.env = env;
      this.tty = tty;
      this.stdin = stdin;
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }

  ExecRoutes(Engine engine) {
    this.engine = engine;
  }

  void register(Api api) {
    api.on("POST", "/containers/" + Routes.NAME + "/exec", this::create)
        .on("POST", "/exec/" + Routes.NAME + "/start", this::start)
        .on("GET", "/exec/" + Routes.NAME + "/json", this::inspect)
        .on("POST", "/exec/" + Routes.NAME + "/resize", x -> {
          Exec e = find(x.param(0));
          e.rows = x.number("h", 24);
          e.cols = x.number("w", 80);
          if (e.tty && e.running && e.pid != 0) {
            ExecTerminal.resize(e.pid, e.rows, e.cols, Duration.ofSeconds(2));
          }
          x.text(200, "text/plain; charset=utf-8", "");
        });
  }

  private void create(Exchange x) {
    JsonNode body = x.body();
    Container c = engine.containers().inspect(x.param(0));
    if (!c.state().running()) {
      throw ApiError.conflict("container " + c.id() + " is not running");
    }
    if (c.state().paused()) {
      throw ApiError.conflict("Container " + c.id() + " is paused, unpause the container before exec");
    }
    List<String> cmd = CreateRequest.strings(body.get("Cmd"));
    if (cmd.isEmpty()) {
      throw ApiError.badRequest("No exec command specified");
    }
    // an exec that ended is kept for its inspect (the CLI asks at once for the exit code), then let go
    long now = System.nanoTime();
    execs.values().removeIf(old -> old.exitCode != null && now - old.endedAt > KEPT.toNanos());
    String id = HexFormat.of().formatHex(bytes());
    execs.put(id, new Exec(id, c.id(), cmd, CreateRequest.strings(body.get("Env")), body.path("Tty").asBoolean(false),
        body.path("AttachStdin").asBoolean(false), body.path("AttachStdout").asBoolean(true),
        body.path("AttachStderr").asBoolean(true)));
    x.json(201, Map.of("Id", id));
  }

  private static byte[] bytes() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }

  private Exec find(String id) {
    Exec e = execs.get(id);
    if (e == null) {
      throw ApiError.notFound("No such exec instance: " + id);
    }
    return e;
  }

  private void start(Exchange x) throws IOException {
    Exec e = find(x.param(0));
    JsonNode body = x.body();
    if (e.running || e.exitCode != null) {
      throw ApiError.conflict("Error: Exec command " + e.id + " has already run");
    }
    List<String> line = engine.containers().execCommand(e.container, e.command, e.env, e.tty);
    if (e.tty) {
      line = ExecTerminal.wrap(line);
    }
    ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(e.tty);
    e.running = true;
    Process p;
    try {
      p = pb.start();
    } catch (IOException failed) {
      e.running = false;
      e.exitCode = 126;
      throw new ApiError(500, "exec failed: " + failed.getMessage());
    }
    e.pid = p.pid();
    if (e.tty) {
      Thread sizer = new Thread(() -> {
        try {
          // a resize that came before the runtime had its terminal is applied once it has one
          if (ExecTerminal.awaitTerminal(e.pid, Duration.ofSeconds(3)) != null && e.rows > 0) {
            ExecTerminal.resize(e.pid, e.rows, e.cols, Duration.ZERO);
          }
        } catch (IOException ignored) {
          // the exec ended first
        }
      }, "docklab-exec-size");
      sizer.setDaemon(true);
      sizer.start();
    }
    if (body.path("Detach").asBoolean(false)) {
      p.getOutputStream().close();
      Thread t = new Thread(() -> finish(e, p), "docklab-exec-" + e.id.substring(0, 12));
      t.setDaemon(true);
      t.start();
      x.noContent(200);
      return;
    }
    Hijack.upgrade(x, e.tty ? Frames.RAW : Frames.MULTIPLEXED, "docklab-exec-" + e.id.substring(0, 12),
        (in, out) -> run(e, p, in, out));
  }

  private void run(Exec e, Process p, InputStream in, Hijack.Output out) throws IOException {
    Frames frames = new Frames(out.stream(), e.tty);
    Thread input = new Thread(() -> {
      try (OutputStream toProcess = p.getOutputStream()) {
        if (e.stdin) {
          byte[] buf = new byte[8192];
          int n;
          while ((n = in.read(buf)) > 0) {
            toProcess.write(buf, 0, n);
            toProcess.flush();
          }
        }
      } catch (IOException ignored) {
        // the process ended, or the client went away
      }
    }, "docklab-exec-stdin");
    input.setDaemon(true);
    input.start();
    Thread errors = null;
    if (!e.tty) {
      errors = pump(p.getErrorStream(), frames, 2, e.stderr);
    }
    Thread output = pump(p.getInputStream(), frames, 1, e.stdout);
    try {
      output.join();
      if (errors != null) {
        errors.join();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    finish(e, p);
    out.closeWrite();
  }

  private static Thread pump(InputStream from, Frames frames, int stream, boolean wanted) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = from.read(buf)) > 0) {
          if (wanted) {
            frames.write(stream, Arrays.copyOf(buf, n));
          }
        }
      } catch (IOException gone) {
        // the client went away: the process keeps its output to itself
      }
    }, "docklab-exec-out");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void finish(Exec e, Process p) {
    try {
      e.exitCode = p.waitFor();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      p.destroy();
      e.exitCode = 137;
    }
    e.endedAt = System.nanoTime();
    e.running = false;
  }

  private void inspect(Exchange x) {
    Exec e = find(x.param(0));
    ObjectNode o = Json.object();
    o.put("ID", e.id);
    o.put("Running", e.running);
    if (e.exitCode == null) {
      o.putNull("ExitCode");
    } else {
      o.put("ExitCode", e.exitCode);
    }
    ObjectNode pc = o.putObject("ProcessConfig");
    pc.put("tty", e.tty);
    pc.put("entrypoint", e.command.get(0));
    pc.putArray("arguments").addAll(e.command.subList(1, e.command.size()).stream()
        .map(Json.MAPPER.getNodeFactory()::textNode).toList());
    pc.put("privileged", false);
    o.put("OpenStdin", e.stdin);
    o.put("OpenStdout", e.stdout);
    o.put("OpenStderr", e.stderr);
    o.put("CanRemove", false);
    o.put("ContainerID", e.container);
    o.put("DetachKeys", "");
    o.put("Pid", e.pid);
    x.json(200, o);
  }
}
