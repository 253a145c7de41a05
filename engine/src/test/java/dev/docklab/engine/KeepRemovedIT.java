package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.CommitRequest;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerId;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.Removal;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeping what rm and rmi remove, for a lesson's undo, on a real engine: a container comes back with
 * the files written in its read-write layer, an image with its id, names and layers (which rmi would
 * otherwise delete), and what is kept goes when dropped, when keeping is turned off, and when an
 * engine opens with no lesson keeping it.
 */
class KeepRemovedIT {
  /** Writes a file the first time it runs; prints it every time after. */
  private static final String NOTE = "cat /note.txt 2>/dev/null || echo written-by-the-learner > /note.txt";
  private static Path root;
  private static Layout layout;
  private static Engine engine;

  @BeforeAll
  static void open() throws Exception {
    root = TestEngines.newDataRoot();
    layout = new Layout(root);
    engine = TestEngines.open(root);
    engine.system().ensureBaseImages();
  }

  @AfterEach
  void stopKeeping() {
    engine.system().keepRemoved(false);
  }

  @AfterAll
  static void close() throws Exception {
    TestEngines.destroy(engine, root);
    assertTrue(Mounts.under(root).isEmpty());
  }

  private static RunRequest request(String name, List<String> command, List<VolumeSpec> volumes) {
    return new RunRequest("busybox", name, command, List.of(), 0, 0, false, false, false, RestartPolicy.NO,
        volumes, new RunRequest.Network(NetworkMode.NONE, List.of(), false, List.of()), Map.of("course", "undo"));
  }

  /** A container that has run once and written /note.txt in its read-write layer. */
  private static Container ranOnce(String name) {
    Container c = engine.containers().create(request(name, List.of("sh", "-c", NOTE), List.of()),
        engine.images().find("busybox"));
    assertEquals(0, engine.containers().runAttached(c, new TestEngines.Output()).exitCode());
    return engine.containers().inspect(c.id());
  }

  private static String runAgain(Container c) {
    TestEngines.Output out = new TestEngines.Output();
    engine.containers().runAttached(c, out);
    return out.stdout();
  }

  @Test
  void aRemovedContainerComesBackWithTheFilesOfItsReadWriteLayer() {
    engine.system().keepRemoved(true);
    assertTrue(engine.system().keepsRemoved());
    Container c = ranOnce("keep-files");
    engine.containers().remove(c.id(), false, false);
    assertThrows(EngineException.class, () -> engine.containers().inspect("keep-files"));
    assertTrue(Files.isRegularFile(layout.keptContainer(c.id()).resolve("upper/note.txt")), "kept whole");

    Container back = engine.containers().restore(new ContainerId(c.id()));
    assertEquals(c.id(), back.id());
    assertEquals("keep-files", back.name());
    assertEquals(c.command(), back.command());
    assertEquals("undo", back.labels().get("course"));
    assertEquals(ContainerStatus.EXITED, back.state().status());
    assertEquals("keep-files", engine.containers().inspect(c.id()).name(), "docker ps -a lists it again");
    assertEquals("written-by-the-learner\n", runAgain(back), "its read-write layer came back with it");
    assertFalse(Files.exists(layout.keptContainer(c.id())));
    engine.containers().remove(c.id(), true, false);
  }

  @Test
  void aRunningContainerRemovedByForceComesBackExited() {
    engine.system().keepRemoved(true);
    Container c = engine.containers().create(request("keep-running", List.of("sleep", "300"), List.of()),
        engine.images().find("busybox"));
    engine.containers().start(c);
    engine.containers().remove(c.id(), true, false);
    Container back = engine.containers().restore(new ContainerId(c.id()));
    assertEquals(ContainerStatus.EXITED, back.state().status());
    assertEquals(ContainerStatus.RUNNING, engine.containers().start(back).state().status(), "and starts again");
    engine.containers().remove(c.id(), true, false);
  }

  @Test
  void aContainerWhoseNameWasTakenSinceIsRefusedInDockersWords() {
    engine.system().keepRemoved(true);
    Container c = ranOnce("keep-name");
    engine.containers().remove(c.id(), false, false);
    Container other = engine.containers().create(request("keep-name", List.of("true"), List.of()),
        engine.images().find("busybox"));
    EngineException e = assertThrows(EngineException.class,
        () -> engine.containers().restore(new ContainerId(c.id())));
    assertEquals(EngineException.Kind.CONFLICT, e.kind());
    assertEquals("Conflict. The container name \"/keep-name\" is already in use by container \"" + other.id()
        + "\". You have to remove (or rename) that container to be able to reuse that name.", e.getMessage());
    assertTrue(Files.isDirectory(layout.keptContainer(c.id())), "still kept, for a later try");
    engine.containers().remove(other.id(), true, false);
    assertEquals("keep-name", engine.containers().restore(new ContainerId(c.id())).name());
    engine.containers().remove(c.id(), true, false);
  }

  @Test
  void withoutKeepingRmDeletesAndNothingCanComeBack() {
    Container c = ranOnce("keep-not");
    engine.containers().remove(c.id(), false, false);
    assertFalse(Files.exists(layout.keptContainer(c.id())));
    EngineException e = assertThrows(EngineException.class,
        () -> engine.containers().restore(new ContainerId(c.id())));
    assertEquals("No such removed container: " + c.id(), e.getMessage());
  }

  @Test
  void anImageDeletedComesBackWithItsIdNamesAndLayers() {
    Container c = ranOnce("keep-commit");
    Digest id = engine.images().commit(new CommitRequest(c.id(), "keep-img:v1", null, null,
        List.of("CMD [\"cat\", \"/note.txt\"]"), true));
    engine.images().tag("keep-img:v1", "keep-img:v2");
    engine.containers().remove(c.id(), false, false);
    Image img = engine.images().find("keep-img:v1");
    Digest own = img.diffIds().get(img.diffIds().size() - 1);

    engine.system().keepRemoved(true);
    engine.images().remove("keep-img:v2", false, true);
    Removal removal = engine.images().remove("keep-img:v1", false, true);
    assertTrue(removal.deleted().contains(own.toString()), "it says what Docker says: " + removal);
    assertNull(engine.images().find(id.toString()));
    assertTrue(Files.isDirectory(layout.layerDir(own)), "the layer only it used stays while it is kept");

    Image back = engine.images().restore(id);
    assertEquals(id, back.id());
    assertEquals("keep-img:v1", back.repoTags().get(0).familiarString(), "the name it had when it was deleted");
    assertEquals(1, back.repoTags().size());
    assertEquals(img.parent(), back.parent(), "made from the image its container ran, as before");
    assertEquals(engine.images().find("busybox").id(), back.parent());
    assertEquals("written-by-the-learner\n", output("keep-img:v1"));

    engine.images().remove("keep-img:v1", false, true);
    engine.system().dropKept(Instant.now());
    assertFalse(Files.exists(layout.layerDir(own)), "dropped: its layer is collected");
    assertThrows(EngineException.class, () -> engine.images().restore(id));
  }

  @Test
  void aDropKeepsWhatWasRemovedSinceAndTurningKeepingOffDropsEverything() throws Exception {
    engine.system().keepRemoved(true);
    Container older = ranOnce("keep-older");
    engine.containers().remove(older.id(), false, false);
    Thread.sleep(5);
    Instant line = Instant.now();
    Container newer = ranOnce("keep-newer");
    engine.containers().remove(newer.id(), false, false);
    engine.system().dropKept(line);
    assertFalse(Files.exists(layout.keptContainer(older.id())), "removed before the line: dropped");
    assertTrue(Files.isDirectory(layout.keptContainer(newer.id())), "removed by the line: kept");
    engine.system().keepRemoved(false);
    assertFalse(engine.system().keepsRemoved());
    assertFalse(Files.exists(layout.keptContainer(newer.id())));
  }

  @Test
  void anAnonymousVolumeOfRmVComesBackWithItsContainerAndGoesWhenDropped() {
    engine.system().keepRemoved(true);
    Container c = engine.containers().create(request("keep-vol", List.of("sh", "-c", "echo v > /data/v"),
        List.of(VolumeSpec.parseV("/data"))), engine.images().find("busybox"));
    engine.containers().runAttached(c, new TestEngines.Output());
    String volume = c.mounts().get(0).name();
    engine.containers().remove(c.id(), false, true);
    assertNotNull(engine.volumes().list().stream().filter(v -> v.name().equals(volume)).findFirst().orElse(null),
        "kept with its container");
    engine.system().dropKept(Instant.now());
    assertTrue(engine.volumes().list().stream().noneMatch(v -> v.name().equals(volume)), "dropped with it");
  }

  @Test
  void keptThingsLastAcrossEnginesWhileALessonKeepsAndGoWhenAnEngineOpensWithoutIt() throws Exception {
    engine.system().keepRemoved(true);
    Container c = ranOnce("keep-restart");
    Digest id = engine.images().commit(new CommitRequest(c.id(), "keep-restart:v1", null, null, List.of(), true));
    Digest own = engine.images().find(id.toString()).diffIds().get(2);
    engine.containers().remove(c.id(), false, false);
    engine.images().remove("keep-restart:v1", false, true);

    reopen(); // the next docklab -c line: a lesson still keeps
    assertEquals(id, engine.images().restore(id).id());
    engine.images().remove("keep-restart:v1", false, true);
    assertTrue(Files.isDirectory(layout.keptContainer(c.id())));

    engine.close();
    Files.delete(layout.keepingMark()); // as a crash between turning keeping off and dropping leaves it
    engine = TestEngines.open(root);
    assertFalse(Files.exists(layout.keptContainer(c.id())), "the kept container is gone");
    assertFalse(Files.exists(layout.keptImage(id)), "the kept image is gone");
    assertFalse(Files.exists(layout.layerDir(own)), "and the layer only it stood on");
    assertThrows(EngineException.class, () -> engine.containers().restore(new ContainerId(c.id())));
    assertThrows(EngineException.class, () -> engine.images().restore(id));
  }

  private static void reopen() {
    engine.close();
    engine = TestEngines.open(root);
  }

  private static String output(String image) {
    TestEngines.Output out = new TestEngines.Output();
    engine.containers().run(new RunRequest(image, null, List.of(), List.of(), 0, 0, true, false, false,
        RestartPolicy.NO, List.of(), new RunRequest.Network(NetworkMode.NONE, List.of(), false, List.of())), out);
    return out.stdout();
  }
}
