package dev.docklab.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.daemon.wire.Wire;
import dev.docklab.engine.api.EngineEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The answer of one engine call, as frames of JSON, a line each: what its callbacks were told, the events
 * it caused, then its result or its failure. Callbacks may be called from several threads; a frame is
 * written whole. Once the client is gone, frames are dropped and {@link #gone()} says so.
 */
final class CallAnswer {
  private static final long BEAT_NANOS = 500_000_000L;
  private final OutputStream out;
  private volatile boolean gone;
  private volatile boolean ended;
  private long lastBeat = System.nanoTime();

  CallAnswer(OutputStream out) {
    this.out = out;
  }

  /** Whether the client went away (a write failed). */
  boolean gone() {
    return gone;
  }

  /** An engine event the call caused (dropped once the call has ended). */
  void event(EngineEvent e) {
    if (!ended) {
      ObjectNode f = Wire.MAPPER.createObjectNode();
      f.set(Wire.EVENT, Wire.MAPPER.valueToTree(e));
      write(f);
    }
  }

  /** The callback argument {@code index} of type {@code type}, calling back through frames. */
  Object callback(int index, Class<?> type) {
    if (type == OutputStream.class) {
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          call(index, "write", new Object[] {Arrays.copyOfRange(b, off, off + len)});
        }
      };
    }
    if (type == BooleanSupplier.class) {
      return (BooleanSupplier) () -> {
        beat();
        return gone;
      };
    }
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return switch (m.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "callback " + index;
        };
      }
      call(index, m.getName(), args == null ? new Object[0] : args);
      return null;
    });
  }

  private void call(int index, String method, Object[] args) {
    ObjectNode f = Wire.MAPPER.createObjectNode();
    f.put(Wire.CALLBACK, index);
    f.put(Wire.METHOD, method);
    ArrayNode a = f.putArray(Wire.ARGS);
    for (Object arg : args) {
      a.add(Wire.MAPPER.valueToTree(arg));
    }
    write(f);
  }

  /** A heartbeat, at most twice a second: while a call waits, a client that went away is noticed. */
  private void beat() {
    long now = System.nanoTime();
    if (now - lastBeat >= BEAT_NANOS) {
      lastBeat = now;
      ObjectNode f = Wire.MAPPER.createObjectNode();
      f.put(Wire.BEAT, 1);
      write(f);
    }
  }

  /** The last frame: the call's result. */
  void result(Object value) {
    ObjectNode f = Wire.MAPPER.createObjectNode();
    f.set(Wire.RESULT, value == null ? null : Wire.MAPPER.valueToTree(value));
    ended = true;
    write(f);
  }

  /** The last frame: the call's failure. */
  void failure(RuntimeException e) {
    ObjectNode f = Wire.MAPPER.createObjectNode();
    f.set(Wire.FAILURE, Wire.failure(e));
    ended = true;
    write(f);
  }

  private synchronized void write(JsonNode frame) {
    if (gone) {
      return;
    }
    try {
      out.write(Wire.MAPPER.writeValueAsBytes(frame));
      out.write("\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException | RuntimeException e) {
      gone = true;
    }
  }
}
