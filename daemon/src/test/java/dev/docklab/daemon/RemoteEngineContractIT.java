package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.daemon.client.RemoteEngine;
import dev.docklab.daemon.wire.Wire;
import dev.docklab.engine.api.Attachment;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Change;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EventStep;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.api.LogLine;
import dev.docklab.engine.api.Loaded;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.Started;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One contract, two implementations: the same user-level steps on the in-process engine and on a
 * {@link RemoteEngine} over a real daemon on a scratch socket give the same answers, the same errors
 * (kind, message key and arguments) and, to the remote one's listener, the events its own calls caused.
 */
class RemoteEngineContractIT {
  static DaemonFixture f;
  static RemoteEngine remote;
  static final List<EngineEvent> heard = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    f = DaemonFixture.start();
    remote = (RemoteEngine) Engine.open(EngineOptions.at(f.root).withSocket(f.socket), heard::add);
  }

  @AfterAll
  static void stop() throws Exception {
    if (remote != null) {
      remote.close();
    }
    if (f != null) {
      f.close();
    }
  }

  private static RunRequest request(String name, boolean stdin, String... command) {
    return new RunRequest("busybox", name, List.of(command), List.of(), 0, 0, false, false, stdin, RestartPolicy.NO);
  }

  private static Engine engine(String kind) {
    return kind.equals("remote") ? remote : f.engine;
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void createStartLogsDiffCommitTagRemove(String kind) {
    Engine e = engine(kind);
    Image busybox = e.images().inspect("busybox");
    Container c = e.containers().create(request("contract-" + kind, false, "sh", "-c", "echo hello-" + kind + "; echo x > /made"), busybox);
    assertEquals("contract-" + kind, c.name());
    e.containers().start(c);
    assertEquals(0, e.containers().wait(c.id()));
    List<String> logs = e.containers().logs(c.id()).lines().stream().map(LogLine::text).toList();
    assertEquals(List.of("hello-" + kind), logs);
    assertTrue(e.containers().diff(c.id()).contains(new Change('A', "/made")), e.containers().diff(c.id()).toString());
    Digest id = e.images().commit(c, "contract/" + kind + ":v1");
    assertEquals(id, e.images().inspect("contract/" + kind + ":v1").id());
    e.images().tag("contract/" + kind + ":v1", "contract/" + kind + ":v2");
    assertEquals(id, e.images().inspect("contract/" + kind + ":v2").id());
    assertTrue(e.containers().list(true).stream().anyMatch(x -> x.id().equals(c.id())));
    e.containers().remove(c.name(), false, false);
    assertTrue(e.containers().list(true).stream().noneMatch(x -> x.id().equals(c.id())));
    e.images().remove("contract/" + kind + ":v2", false, true);
    e.images().remove("contract/" + kind + ":v1", false, true);
    assertNull(e.images().find("contract/" + kind + ":v1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void errorsKeepTheirKindKeyAndArguments(String kind) {
    Engine e = engine(kind);
    EngineException missing = assertThrows(EngineException.class, () -> e.containers().inspect("no-such-box"));
    assertEquals(EngineException.Kind.NOT_FOUND, missing.kind());
    assertEquals("No such container: no-such-box", missing.getMessage());
    EngineException bad = assertThrows(EngineException.class, () -> e.networks().create("net", "not-a-subnet"));
    assertEquals(EngineException.Kind.INVALID, bad.kind());
    assertEquals(EngineMessage.SUBNET_INVALID, bad.said());
    assertEquals(List.of("not-a-subnet"), bad.args());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void explainLayersGivesTheSameReport(String kind) {
    LayerReport r = engine(kind).explain().layers("busybox");
    assertEquals(f.engine.explain().layers("busybox"), r);
    assertFalse(r.layers().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void attachedStdioGoesBothWays(String kind) throws Exception {
    Engine e = engine(kind);
    Container c = e.containers().create(request("cat-" + kind, true, "cat"), e.images().inspect("busybox"));
    Started s = e.containers().start(c.id(), true);
    try (Attachment a = s.attachment()) {
      a.write("over the socket\n".getBytes(StandardCharsets.UTF_8));
      a.closeStdin();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      for (Attachment.Packet p = a.read(); p != null; p = a.read()) {
        got.write(p.data());
      }
      assertEquals("over the socket\n", got.toString(StandardCharsets.UTF_8));
    }
    assertEquals(0, e.containers().wait(c.id()));
    e.containers().remove(c.id(), true, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void saveAndLoadStreamTheArchive(String kind) {
    Engine e = engine(kind);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    e.images().save(List.of("busybox"), tar);
    assertTrue(tar.size() > 1 << 20, "busybox's archive: " + tar.size() + " bytes");
    List<Loaded> loaded = e.images().load(new ByteArrayInputStream(tar.toByteArray()));
    assertEquals(e.images().inspect("busybox").id(), loaded.get(0).id());
    assertTrue(loaded.get(0).names().stream().anyMatch(n -> n.familiarString().equals("busybox:latest")),
        loaded.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void followStopsWhenCancelled(String kind) throws Exception {
    Engine e = engine(kind);
    Container c = e.containers().create(request("ticker-" + kind, false, "sh", "-c",
        "while true; do echo tick; sleep 0.2; done"), e.images().inspect("busybox"));
    e.containers().start(c);
    List<String> seen = new ArrayList<>();
    AtomicBoolean enough = new AtomicBoolean();
    long t0 = System.nanoTime();
    e.containers().follow(c.id(), 0, l -> {
      seen.add(l.text());
      enough.set(seen.size() >= 3);
    }, enough::get);
    assertTrue(seen.size() >= 3 && seen.stream().allMatch("tick"::equals), seen.toString());
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    e.containers().remove(c.id(), true, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void explainFactsOfARunningContainer(String kind) throws Exception {
    Engine e = engine(kind);
    Container c = e.containers().create(request("facts-" + kind, false, "sh", "-c", "echo x > /etc/motd; sleep 300"),
        e.images().inspect("busybox"));
    e.containers().start(c);
    try {
      assertEquals(f.engine.explain().mount(c.id()), e.explain().mount(c.id()));
      assertEquals(f.engine.explain().file(c.id(), "/bin/sh"), e.explain().file(c.id(), "/bin/sh"));
      assertEquals(f.engine.explain().imageFile("busybox", "/bin/sh"), e.explain().imageFile("busybox", "/bin/sh"));
      assertEquals(f.engine.explain().network(c.id()).namespace(), e.explain().network(c.id()).namespace());
      assertEquals(f.engine.system().kernel(), e.explain().boot(c.id()).hostKernel());
      assertEquals(f.engine.explain().drivers(null).driver(), e.explain().drivers(null).driver());
      // the same JSON (a number read back may be an Integer where the engine put a Long)
      assertEquals(Wire.MAPPER.writeValueAsString(f.engine.containers().inspectDocument(c.id())),
          Wire.MAPPER.writeValueAsString(e.containers().inspectDocument(c.id())));
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      e.containers().export(c.id(), tar);
      assertTrue(tar.size() > 1 << 20, "the exported root: " + tar.size() + " bytes");
      assertEquals(f.engine.system().info().containers(), e.system().info().containers());
      assertEquals(f.engine.system().df().images().total(), e.system().df().images().total());
    } finally {
      e.containers().remove(c.id(), true, false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void buildSaysItsStepsAndRunOutput(String kind) throws Exception {
    Engine e = engine(kind);
    Path context = Files.createTempDirectory(f.work, "context-");
    List<String> said = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream ran = new ByteArrayOutputStream();
    Digest id = e.images().build(new BuildRequest(context, "Dockerfile",
        "FROM busybox\nRUN echo built-" + kind + "\n", List.of("contract/built-" + kind), Map.of(), true),
        said::add, (stream, bytes) -> ran.writeBytes(bytes));
    assertEquals(id, e.images().inspect("contract/built-" + kind).id());
    assertTrue(ran.toString(StandardCharsets.UTF_8).contains("built-" + kind), ran.toString(StandardCharsets.UTF_8));
    assertTrue(said.stream().anyMatch(l -> l.contains("Step 2/2 : RUN echo built-" + kind)), said.toString());
    e.images().remove("contract/built-" + kind, true, true);
  }

  @Test
  void theRemoteListenerHearsTheStepsOfItsOwnCalls() {
    Container c = remote.containers().create(request("heard", false, "true"),
        remote.images().inspect("busybox"));
    heard.clear();
    remote.containers().start(c);
    assertTrue(heard.stream().anyMatch(ev -> ev.step() == EventStep.START), heard.toString());
    assertTrue(heard.stream().anyMatch(ev -> ev.step() == EventStep.MOUNT), heard.toString());
    heard.clear();
    f.engine.containers().wait(c.id());
    f.engine.containers().remove(c.id(), true, false);
    assertTrue(heard.isEmpty(), "the in-process engine's own calls are not this client's: " + heard);
    assertNotNull(remote.socket());
  }
}
