package dev.docklab.daemon.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.BuildFailure;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.RuntimeFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of a call to the engine over the socket: the api's records as Jackson writes them (with
 * {@link Instant} and {@link Duration} as ISO-8601 text), the frames of an answer, and a failure as the
 * same {@link EngineException} on both sides (its kind, its message key and arguments).
 */
public final class Wire {
  /** Where the engine's own calls are served: {@code PREFIX + service + "/" + method}. */
  public static final String PREFIX = "/docklab/call/";
  /** The header that carries a call's arguments when its body is a stream ({@code docker load}). */
  public static final String ARGS_HEADER = "X-Docklab-Args";
  /** The query parameter that says how many arguments the call has (which overload). */
  public static final String ARITY = "n";
  /** A frame's field: the index of the callback argument it calls. */
  public static final String CALLBACK = "c";
  /** A frame's field: the callback's method. */
  public static final String METHOD = "m";
  /** A frame's field: the callback's arguments. */
  public static final String ARGS = "a";
  /** A frame's field: an engine event the call caused. */
  public static final String EVENT = "ev";
  /** A frame's field: the call's result (the last frame). */
  public static final String RESULT = "r";
  /** A frame's field: the call's failure (the last frame). */
  public static final String FAILURE = "x";
  /** A frame's field: a heartbeat, sent while a call waits so that either side sees the other go. */
  public static final String BEAT = "h";

  /** The mapper of both sides. */
  public static final ObjectMapper MAPPER = mapper();

  private Wire() {}

  private static ObjectMapper mapper() {
    SimpleModule time = new SimpleModule("docklab-time");
    time.addSerializer(Instant.class, text(Instant::toString));
    time.addDeserializer(Instant.class, parsed(Instant::parse));
    time.addSerializer(Duration.class, text(Duration::toString));
    time.addDeserializer(Duration.class, parsed(Duration::parse));
    return new ObjectMapper().registerModule(time)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static <T> JsonSerializer<T> text(Function<T, String> format) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(format.apply(value));
      }
    };
  }

  private static <T> JsonDeserializer<T> parsed(Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse.apply(p.getValueAsString());
      }
    };
  }

  /** A failure as it travels: its kind, docklab's message key and arguments (or Docker's own message). */
  public static ObjectNode failure(RuntimeException e) {
    ObjectNode f = MAPPER.createObjectNode();
    if (e instanceof EngineException ee) {
      f.put("kind", ee.kind().name());
      f.put("message", ee.getMessage());
      if (ee.said() != null) {
        f.put("key", ee.said().name());
        ee.args().forEach(f.withArray("args")::add);
      }
      if (ee instanceof RuntimeFailure rf) {
        f.put("runtimeExit", rf.exitCode());
      } else if (ee instanceof BuildFailure bf) {
        f.put("buildExit", bf.code());
      }
    } else {
      f.put("kind", EngineException.Kind.SYSTEM.name());
      f.put("message", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    return f;
  }

  /** The failure {@link #failure} wrote, made again on this side. */
  public static EngineException exception(JsonNode f) {
    EngineException.Kind kind = EngineException.Kind.valueOf(f.path("kind").asText("SYSTEM"));
    String message = f.path("message").asText("");
    if (f.has("runtimeExit")) {
      return RuntimeFailure.received(message, f.get("runtimeExit").asInt());
    }
    if (f.has("buildExit")) {
      return new BuildFailure(message, f.get("buildExit").asInt());
    }
    if (f.has("key")) {
      EngineMessage said = said(f.get("key").asText());
      if (said != null) {
        List<Object> args = new ArrayList<>();
        f.path("args").forEach(a -> args.add(a.asText()));
        return new EngineException(kind, said, null, args.toArray());
      }
    }
    return new EngineException(kind, message);
  }

  private static EngineMessage said(String key) {
    try {
      return EngineMessage.valueOf(key);
    } catch (IllegalArgumentException e) {
      return null; // a key this side does not know (another version): Docker's English message stays
    }
  }
}
