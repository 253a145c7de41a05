package dev.docklab.daemon.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.docklab.daemon.wire.Calls;
import dev.docklab.daemon.wire.Wire;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Transport;

/**
 * The calls of one {@link RemoteEngine} over the daemon's socket: a method of the api sent to the
 * daemon's generic route with its arguments as JSON, and the answer's frames read back: callbacks called
 * here, events given to this engine's listener, then the result or the same {@link EngineException}.
 */
final class RemoteCalls {
  private static final long HEADERS_SECONDS = 60;
  private final HttpClient http;
  private final Transport transport;
  private final Path socket;
  private final EngineListener listener;

  RemoteCalls(HttpClient http, Path socket, EngineListener listener) {
    this.http = http;
    this.transport = new Transport.TCPUnix(socket);
    this.socket = socket;
    this.listener = listener;
  }

  Path socket() {
    return socket;
  }

  private Request request(HttpMethod method, String path) {
    return http.newRequest("http://docklab" + path).method(method).transport(transport).idleTimeout(0, TimeUnit.SECONDS);
  }

  /** Calls {@code m} of {@code service} on the served engine. */
  Object call(String service, Method m, Object[] args) {
    Object[] values = args == null ? new Object[0] : args;
    Class<?>[] types = m.getParameterTypes();
    ArrayNode json = Wire.MAPPER.createArrayNode();
    InputStream body = null;
    BooleanSupplier cancelled = null;
    for (int i = 0; i < types.length; i++) {
      if (types[i] == InputStream.class) {
        body = (InputStream) values[i];
        json.addNull();
      } else if (Calls.callback(types[i])) {
        if (types[i] == BooleanSupplier.class) {
          cancelled = (BooleanSupplier) values[i];
        }
        json.addNull();
      } else {
        json.add(Wire.MAPPER.valueToTree(values[i]));
      }
    }
    Request r = request(HttpMethod.POST, Wire.PREFIX + service + "/" + m.getName() + "?" + Wire.ARITY + "="
        + types.length);
    byte[] argBytes = bytes(json);
    if (body != null) {
      r.headers(h -> h.put(Wire.ARGS_HEADER, Base64.getEncoder().encodeToString(argBytes)))
          .body(new InputStreamRequestContent("application/octet-stream", body));
    } else {
      r.body(new BytesRequestContent("application/json", argBytes));
    }
    InputStreamResponseListener answer = new InputStreamResponseListener();
    r.send(answer);
    Response response = headers(answer, r);
    try (InputStream in = answer.getInputStream()) {
      if (response.getStatus() != 200) {
        throw httpFailure(response.getStatus(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode f = Wire.MAPPER.readTree(line);
        if (f.has(Wire.RESULT)) {
          return f.get(Wire.RESULT).isNull() ? null
              : Wire.MAPPER.convertValue(f.get(Wire.RESULT), Wire.MAPPER.constructType(m.getGenericReturnType()));
        }
        if (f.has(Wire.FAILURE)) {
          throw Wire.exception(f.get(Wire.FAILURE));
        }
        if (f.has(Wire.EVENT)) {
          listener.on(Wire.MAPPER.treeToValue(f.get(Wire.EVENT), EngineEvent.class));
        } else if (f.has(Wire.CALLBACK)) {
          int i = f.get(Wire.CALLBACK).asInt();
          callBack(values[i], m.getGenericParameterTypes()[i], f.get(Wire.METHOD).asText(), f.get(Wire.ARGS));
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
          r.abort(new CancellationException("cancelled"));
          return null;
        }
      }
      throw lost(null);
    } catch (IOException e) {
      throw lost(e);
    }
  }

  private Response headers(InputStreamResponseListener answer, Request r) {
    try {
      return answer.get(HEADERS_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.abort(e);
      throw lost(null);
    } catch (TimeoutException | ExecutionException e) {
      r.abort(e);
      throw lost(e.getCause() == null ? e : e.getCause());
    }
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return Wire.MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw EngineException.invalid("an argument cannot be sent: " + e.getMessage());
    }
  }

  /** Calls the caller's callback {@code target} (declared as {@code declared}) as a frame says. */
  private static void callBack(Object target, Type declared, String method, JsonNode args) throws IOException {
    if (target == null) {
      return;
    }
    if (target instanceof OutputStream out) {
      out.write(args.get(0).binaryValue());
      return;
    }
    Type[] typeArgs = declared instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    Class<?> type = declared instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) declared;
    Method m = Calls.method(type, method, args.size()).orElseThrow(() -> new IOException("unknown callback " + method));
    Type[] params = typeArgs.length == args.size() ? typeArgs : m.getGenericParameterTypes();
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Wire.MAPPER.convertValue(args.get(i), Wire.MAPPER.constructType(params[i]));
    }
    try {
      m.invoke(target, values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IOException(e);
    }
  }

  /** {@code docker attach}'s resize, through Docker's route. */
  void resize(String ref, int rows, int cols) {
    try {
      ContentResponse r = request(HttpMethod.POST, "/containers/" + URLEncoder.encode(ref, StandardCharsets.UTF_8)
          + "/resize?h=" + rows + "&w=" + cols).timeout(10, TimeUnit.SECONDS).send();
      if (r.getStatus() >= 300) {
        throw httpFailure(r.getStatus(), r.getContentAsString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      throw lost(e);
    }
  }

  /** A failure that Docker's routes answered: {@code {"message": ...}} and its status. */
  static EngineException httpFailure(int status, String body) {
    String message = body;
    try {
      JsonNode j = Wire.MAPPER.readTree(body);
      if (j != null && j.has("message")) {
        message = j.get("message").asText();
      }
    } catch (IOException e) {
      // not JSON: the body as it came
    }
    EngineException.Kind kind = switch (status) {
      case 400 -> EngineException.Kind.INVALID;
      case 404 -> EngineException.Kind.NOT_FOUND;
      case 409 -> EngineException.Kind.CONFLICT;
      default -> EngineException.Kind.SYSTEM;
    };
    return new EngineException(kind, message);
  }

  private EngineException lost(Throwable cause) {
    return EngineException.system(EngineMessage.SERVED_ENGINE_LOST, cause, socket,
        cause == null || cause.getMessage() == null ? "the connection closed" : cause.getMessage());
  }
}
