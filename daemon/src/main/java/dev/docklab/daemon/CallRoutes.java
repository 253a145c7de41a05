package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.docklab.daemon.wire.Calls;
import dev.docklab.daemon.wire.Wire;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.HubAdmin;
import dev.docklab.engine.api.Started;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The engine's own api over the socket, for docklab's Java client ({@code RemoteEngine}): one generic
 * route, {@code POST /docklab/call/SERVICE/METHOD?n=ARITY}, for every method of the api's services. The
 * arguments are the records as JSON; callbacks (progress, build output, log lines, {@code save}'s bytes)
 * and the engine events the call causes come back as frames before its result or its failure.
 */
final class CallRoutes {
  /** What the client does with Docker's routes or on its own side: never a generic call. */
  private static final Set<String> LOCAL_ONLY = Set.of("containers.attach", "registries.hub");
  private final Engine engine;
  private final EventHub events;
  private final Attachments attachments;

  CallRoutes(Engine engine, EventHub events, Attachments attachments) {
    this.engine = engine;
    this.events = events;
    this.attachments = attachments;
  }

  void register(Api api) {
    api.on("POST", Wire.PREFIX + "([a-z]+)/([A-Za-z]+)", this::call);
  }

  private void call(Exchange x) throws IOException {
    String service = x.param(0);
    Class<?> type = Calls.SERVICES.get(service);
    if (type == null || LOCAL_ONLY.contains(service + "." + x.param(1))) {
      throw ApiError.notFound("page not found");
    }
    Method m = Calls.method(type, x.param(1), x.number(Wire.ARITY, -1))
        .orElseThrow(() -> ApiError.notFound("page not found"));
    int stream = Calls.bodyStream(m);
    JsonNode args = stream < 0 ? x.body() : header(x);
    if (!args.isArray() || args.size() != m.getParameterCount()) {
      throw ApiError.badRequest("a call of " + service + "." + m.getName() + " takes " + m.getParameterCount()
          + " arguments in a JSON array");
    }
    try (OutputStream out = x.stream(200, "application/x-ndjson")) {
      CallAnswer answer = new CallAnswer(out);
      try {
        Object[] values = values(m, (ArrayNode) args, stream < 0 ? null : x.bodyStream(), answer);
        answer.result(events.capturing(answer::event, () -> invoke(service, m, values)));
      } catch (RuntimeException e) {
        answer.failure(e);
      }
    }
  }

  private static JsonNode header(Exchange x) {
    String h = x.header(Wire.ARGS_HEADER);
    if (h == null) {
      throw ApiError.badRequest("missing " + Wire.ARGS_HEADER);
    }
    try {
      return Wire.MAPPER.readTree(new String(Base64.getDecoder().decode(h), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw ApiError.badRequest("invalid " + Wire.ARGS_HEADER + ": " + e.getMessage());
    }
  }

  private static Object[] values(Method m, ArrayNode args, InputStream body, CallAnswer answer) {
    Class<?>[] types = m.getParameterTypes();
    Type[] generic = m.getGenericParameterTypes();
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == InputStream.class) {
        values[i] = body;
      } else if (Calls.callback(types[i])) {
        values[i] = answer.callback(i, types[i]);
      } else {
        try {
          values[i] = Wire.MAPPER.convertValue(args.get(i), Wire.MAPPER.constructType(generic[i]));
        } catch (IllegalArgumentException e) {
          throw e.getCause() instanceof EngineException ee ? ee
              : EngineException.invalid("argument " + (i + 1) + " of " + m.getName() + ": " + e.getMessage());
        }
      }
    }
    return values;
  }

  private Object invoke(String service, Method m, Object[] values) {
    if (service.equals("containers") && m.getName().equals("start")) {
      if ((Boolean) values[1]) {
        throw EngineException.invalid("a client attaches through POST /containers/{id}/attach before the start");
      }
      // a client waiting on the attach route gets this start's stdio, as docker run's does
      Container c = attachments.start((String) values[0]);
      return new Started(c, null);
    }
    if (service.equals("hub")) {
      try (HubAdmin hub = engine.registries().hub()) {
        return reflect(hub, m, values);
      }
    }
    return reflect(target(service), m, values);
  }

  private Object target(String service) {
    return switch (service) {
      case "images" -> engine.images();
      case "containers" -> engine.containers();
      case "networks" -> engine.networks();
      case "volumes" -> engine.volumes();
      case "registries" -> engine.registries();
      case "system" -> engine.system();
      case "explain" -> engine.explain();
      default -> throw ApiError.notFound("page not found");
    };
  }

  private static Object reflect(Object target, Method m, Object[] values) {
    try {
      return m.invoke(target, values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
