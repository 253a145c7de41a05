package dev.docklab.daemon.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docklab.engine.api.BuildFailure;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.LogLine;
import dev.docklab.engine.api.RuntimeFailure;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the daemon and its client agree on: failures, records with times, and which method a call names. */
class WireTest {
  private static EngineException roundTrip(RuntimeException e) throws Exception {
    JsonNode sent = Wire.MAPPER.readTree(Wire.MAPPER.writeValueAsString(Wire.failure(e)));
    return Wire.exception(sent);
  }

  @Test
  void docklabsOwnWordingKeepsItsKeyAndArguments() throws Exception {
    EngineException got = roundTrip(EngineException.invalid(EngineMessage.SUBNET_INVALID, "10.0.0.0/99"));
    assertEquals(EngineException.Kind.INVALID, got.kind());
    assertEquals(EngineMessage.SUBNET_INVALID, got.said());
    assertEquals(List.of("10.0.0.0/99"), got.args());
    assertEquals(EngineMessage.SUBNET_INVALID.english("10.0.0.0/99"), got.getMessage());
  }

  @Test
  void dockersOwnWordingKeepsItsMessageAndKind() throws Exception {
    EngineException got = roundTrip(EngineException.notFound("No such container: web"));
    assertEquals(EngineException.Kind.NOT_FOUND, got.kind());
    assertNull(got.said());
    assertEquals("No such container: web", got.getMessage());
  }

  @Test
  void runtimeAndBuildFailuresKeepTheirExitCodes() throws Exception {
    RuntimeFailure runtime = new RuntimeFailure("runc", "exec: \"nope\": executable file not found in $PATH");
    EngineException got = roundTrip(runtime);
    assertEquals(127, assertInstanceOf(RuntimeFailure.class, got).exitCode());
    assertEquals(runtime.getMessage(), got.getMessage());
    assertEquals(3, assertInstanceOf(BuildFailure.class, roundTrip(new BuildFailure("RUN false", 3))).code());
  }

  @Test
  void aFailureThatIsNoEngineExceptionArrivesAsASystemOne() throws Exception {
    EngineException got = roundTrip(new IllegalStateException("broken"));
    assertEquals(EngineException.Kind.SYSTEM, got.kind());
    assertEquals("broken", got.getMessage());
  }

  @Test
  void eventsAndLogLinesKeepTheirTimes() throws Exception {
    EngineEvent event = EngineEvent.said(EventStep.MOUNT, "abc", Duration.ofMillis(12), EngineMessage.SUBNET_INVALID, "x");
    assertEquals(event, Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(event), EngineEvent.class));
    LogLine line = new LogLine(Instant.parse("2026-11-30T07:00:00.123456789Z"), 1, "hello");
    assertEquals(line, Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(line), LogLine.class));
    assertEquals(Instant.MAX, Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(Instant.MAX), Instant.class));
  }

  @Test
  void aCallNamesTheAbstractMethodOfThatArity() throws Exception {
    Method diff = Calls.method(Containers.class, "diff", 1).orElseThrow();
    assertEquals(String.class, diff.getParameterTypes()[0], "diff(Container) runs on the caller's side");
    assertFalse(diff.isDefault());
    assertTrue(Calls.method(Containers.class, "list", 0).isEmpty(), "list() is list(true), on the caller's side");
    assertEquals(3, Calls.method(Containers.class, "stop", 3).orElseThrow().getParameterCount());
    Method load = Calls.method(Calls.SERVICES.get("images"), "load", 1).orElseThrow();
    assertEquals(0, Calls.bodyStream(load));
    assertEquals(InputStream.class, load.getParameterTypes()[0]);
  }
}
