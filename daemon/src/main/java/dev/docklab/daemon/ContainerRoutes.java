package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.RunRequest;
import java.util.List;
import java.util.Map;

/** The containers' lifecycle: create, start, stop, restart, kill, pause, rename, remove, inspect, top, diff. */
final class ContainerRoutes {
  private static final String C = "/containers/" + Routes.NAME;
  private final Engine engine;
  private final Attachments attachments;

  ContainerRoutes(Engine engine, Attachments attachments) {
    this.engine = engine;
    this.attachments = attachments;
  }

  void register(Api api) {
    api.on("GET", "/containers/json", x -> x.json(200, ContainerList.list(engine, x)))
        .on("POST", "/containers/create", this::create)
        .on("GET", C + "/json", x -> x.json(200, engine.containers().inspectDocument(x.param(0))))
        .on("POST", C + "/start", this::start)
        .on("POST", C + "/stop", this::stop)
        .on("POST", C + "/restart", this::restart)
        .on("POST", C + "/kill", this::kill)
        .on("POST", C + "/pause", x -> done(x, engine.containers().pause(x.param(0))))
        .on("POST", C + "/unpause", x -> done(x, engine.containers().unpause(x.param(0))))
        .on("POST", C + "/rename", this::rename)
        .on("DELETE", C, this::remove)
        .on("GET", C + "/top", this::top)
        .on("GET", C + "/changes", this::changes)
        .on("POST", C + "/resize", this::resize);
  }

  private void create(Exchange x) {
    JsonNode body = x.body(); // the request's body can be read once
    RunRequest request = CreateRequest.read(body, x.query("name"));
    HostLifecycle.refuse(body, x.query("platform"), engine);
    Image image = engine.images().find(request.image());
    if (image == null) {
      String shown = request.image();
      if (ImageReference.isValid(shown)) {
        shown = ImageReference.parse(shown).withDefaultTag().familiarString();
      }
      throw ApiError.notFound("No such image: " + shown);
    }
    List<String> warnings = engine.containers().checkResources(request);
    Container c = engine.containers().create(request, image);
    x.json(201, Map.of("Id", c.id(), "Warnings", warnings));
  }

  private void start(Exchange x) {
    Container c = engine.containers().inspect(x.param(0));
    if (c.state().running()) {
      x.noContent(304);
      return;
    }
    attachments.start(c.id());
    x.noContent(204);
  }

  private void stop(Exchange x) {
    Container c = engine.containers().inspect(x.param(0));
    if (!c.state().running()) {
      x.noContent(304);
      return;
    }
    int t = x.number("t", Containers.CONTAINER_TIMEOUT);
    String signal = x.query("signal");
    if (signal == null || signal.isEmpty()) {
      engine.containers().stop(c.id(), t);
    } else {
      engine.containers().stop(c.id(), t, signal);
    }
    x.noContent(204);
  }

  private void restart(Exchange x) {
    engine.containers().restart(x.param(0), x.number("t", Containers.CONTAINER_TIMEOUT));
    x.noContent(204);
  }

  private void kill(Exchange x) {
    Container c = engine.containers().inspect(x.param(0));
    if (!c.state().running()) {
      throw ApiError.conflict("Cannot kill container: " + x.param(0) + ": Container " + c.id() + " is not running");
    }
    String signal = x.query("signal", "KILL");
    engine.containers().kill(c.id(), signal.isEmpty() ? "KILL" : signal);
    x.noContent(204);
  }

  /** A verb done: the engine reported its event ({@code pause}...), the client gets 204. */
  private static void done(Exchange x, Container c) {
    x.noContent(204);
  }

  private void rename(Exchange x) {
    String name = x.query("name", "");
    engine.containers().rename(x.param(0), name.startsWith("/") ? name.substring(1) : name);
    x.noContent(204);
  }

  private void remove(Exchange x) {
    engine.containers().remove(x.param(0), x.flag("force"), x.flag("v"));
    x.noContent(204);
  }

  private void top(Exchange x) {
    String ps = engine.containers().top(x.param(0));
    List<String> lines = ps.lines().filter(l -> !l.isBlank()).toList();
    ObjectNode o = Json.object();
    ArrayNode titles = o.putArray("Titles");
    ArrayNode processes = o.putArray("Processes");
    if (!lines.isEmpty()) {
      String[] heads = lines.get(0).trim().split("\\s+");
      for (String h : heads) {
        titles.add(h);
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] cols = line.trim().split("\\s+", heads.length);
        ArrayNode row = processes.addArray();
        for (String col : cols) {
          row.add(col);
        }
      }
    }
    x.json(200, o);
  }

  private void changes(Exchange x) {
    ArrayNode out = Json.array();
    for (Change c : engine.containers().diff(x.param(0))) {
      int kind = switch (c.kind()) {
        case 'A' -> 1;
        case 'D' -> 2;
        default -> 0;
      };
      out.addObject().put("Path", c.path()).put("Kind", kind);
    }
    x.json(200, out);
  }

  private void resize(Exchange x) {
    Container c = engine.containers().inspect(x.param(0));
    if (!c.state().running()) {
      throw ApiError.conflict("Container " + c.id() + " is not running");
    }
    attachments.resize(c.id(), x.number("h", 24), x.number("w", 80));
    x.text(200, "text/plain; charset=utf-8", "");
  }
}
