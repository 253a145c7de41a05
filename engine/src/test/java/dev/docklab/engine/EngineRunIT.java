package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.api.RuntimeFailure;
import dev.docklab.engine.runtime.OciRuntime;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Layout;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real containers from the real busybox base image, through overlayfs and the OCI runtime. */
class EngineRunIT {
  @RegisterExtension
  static final EngineFixture fx = new EngineFixture();



  private static RunResult run(TestEngines.Output out, RunRequest req) {
    return fx.engine().containers().run(req, out);
  }

  @Test
  void echoPrintsHelloAndExitsZero() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, RunRequest.of("busybox", "echo", "hello"));
    assertEquals("hello\n", out.stdout());
    assertEquals(0, r.exitCode());
    assertEquals("exited", fx.engine().containers().inspect(r.container().id()).state().status().dockerName());
  }

  @Test
  void exitStatusAndStderrComeBack() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, RunRequest.of("busybox", "sh", "-c", "echo oops >&2; exit 7"));
    assertEquals(7, r.exitCode());
    assertEquals("oops\n", out.stderr());
    assertEquals(7, fx.engine().containers().inspect(r.container().id()).state().exitCode());
  }

  @Test
  void containerSeesItsOwnHostnameAndPid1() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, RunRequest.of("busybox", "sh", "-c", "hostname; echo $$"));
    assertEquals(r.container().id().substring(0, 12) + "\n1\n", out.stdout());
  }

  @Test
  void writesLandInTheUpperDirAndLayersNeverChange() throws Exception {
    Image busybox = fx.engine().images().find("busybox");
    Path topLayer = fx.root().resolve("layers").resolve(busybox.diffIds().get(1).hex()).resolve("diff");
    String passwdBefore = Files.readString(topLayer.resolve("etc/passwd"));
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, new RunRequest("busybox", null,
        List.of("sh", "-c", "echo hi > /hello.txt && echo 'x:x:9:9::/:/bin/sh' >> /etc/passwd && rm /bin/vi"),
        List.of(), 0, 0, false));
    assertEquals(0, r.exitCode(), out.stderr());
    Path upper = fx.root().resolve("containers").resolve(r.container().id()).resolve("upper");
    assertEquals("hi\n", Files.readString(upper.resolve("hello.txt")));
    assertTrue(Files.readString(upper.resolve("etc/passwd")).endsWith("x:x:9:9::/:/bin/sh\n"), "copy-up of passwd");
    // the deletion is an overlay whiteout: a character device 0:0
    int mode = (Integer) Files.getAttribute(upper.resolve("bin/vi"), "unix:mode", LinkOption.NOFOLLOW_LINKS);
    assertEquals(0020000, mode & 0170000);
    assertEquals(passwdBefore, Files.readString(topLayer.resolve("etc/passwd")));
    assertFalse(Files.exists(topLayer.resolve("hello.txt")));
    Path lowerVi = fx.root().resolve("layers").resolve(busybox.diffIds().get(0).hex()).resolve("diff/bin/vi");
    assertTrue(Files.isSymbolicLink(lowerVi), "the lower layer keeps bin/vi");
  }

  @Test
  void memoryLimitIsVisibleInsideTheContainer() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, new RunRequest("busybox", null, List.of("sh", "-c",
        "cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max"),
        List.of(), 64L * 1024 * 1024, 0, true));
    assertEquals(0, r.exitCode(), out.stderr());
    assertEquals(String.valueOf(64L * 1024 * 1024), out.stdout().strip());
  }

  @Test
  void pidsLimitStopsAForkBomb() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, new RunRequest("busybox", null, List.of("sh", "-c",
        "cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max; "
            + "for i in $(seq 30); do sleep 1 & done; wait"),
        List.of(), 0, 5, true));
    String all = "stdout: " + out.stdout() + " stderr: " + out.stderr() + " exit " + r.exitCode();
    // as low as 5: runc init's own threads count while it waits for its start, so the network comes up first
    assertTrue(out.stdout().startsWith("5\n"), all);
    assertTrue(out.stderr().contains("can't fork"), all);
  }

  @Test
  void rmRemovesTheContainerAndItsFiles() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, new RunRequest("busybox", "tobe-removed", List.of("true"), List.of(), 0, 0, false));
    Path dir = fx.root().resolve("containers").resolve(r.container().id());
    assertTrue(Files.isDirectory(dir));
    fx.engine().containers().remove("tobe-removed", false, false);
    assertFalse(Files.exists(dir));
    assertThrows(EngineException.class, () -> fx.engine().containers().inspect("tobe-removed"));
  }

  @Test
  void removingARunningContainerNeedsForce() throws Exception {
    Thread runner = new Thread(() -> run(new TestEngines.Output(),
        new RunRequest("busybox", "sleeper", List.of("sleep", "30"), List.of(), 0, 0, false)));
    runner.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (fx.engine().containers().list(false).stream().noneMatch(c -> c.name().equals("sleeper"))
        || fx.engine().containers().inspect("sleeper").state().running() && !new Layout(fx.root()).runtimeState()
            .resolve(fx.engine().containers().inspect("sleeper").id()).toFile().exists()) {
      assertTrue(System.nanoTime() < deadline, "the container did not start");
      Thread.sleep(50);
    }
    EngineException e = assertThrows(EngineException.class,
        () -> fx.engine().containers().remove("sleeper", false, false));
    assertTrue(e.getMessage().startsWith("You cannot remove a running container "), e.getMessage());
    assertTrue(e.getMessage().endsWith(". Stop the container before attempting removal or force remove"));
    fx.engine().containers().remove("sleeper", true, false);
    runner.join(10_000);
    assertFalse(runner.isAlive(), "the foreground run ended when its container was killed");
    assertThrows(EngineException.class, () -> fx.engine().containers().inspect("sleeper"));
  }

  @Test
  void autoRemoveLeavesNothing() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, new RunRequest("busybox", null, List.of("true"), List.of(), 0, 0, true));
    assertTrue(r.removed());
    assertFalse(Files.exists(fx.root().resolve("containers").resolve(r.container().id())));
    assertTrue(fx.engine().containers().list(true).stream().noneMatch(c -> c.id().equals(r.container().id())));
  }

  @Test
  void nameAlreadyInUseIsAConflict() {
    run(new TestEngines.Output(), new RunRequest("busybox", "web", List.of("true"), List.of(), 0, 0, false));
    EngineException e = assertThrows(EngineException.class,
        () -> run(new TestEngines.Output(), new RunRequest("busybox", "web", List.of("true"), List.of(), 0, 0, false)));
    assertTrue(e.getMessage().startsWith("Conflict. The container name \"/web\" is already in use by container"),
        e.getMessage());
    fx.engine().containers().remove("web", false, false);
  }

  @Test
  void missingCommandFailsWith127AndDockersWords() {
    var e = assertThrows(RuntimeFailure.class,
        () -> run(new TestEngines.Output(), RunRequest.of("busybox", "nosuchcommand")));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("executable file not found"), e.getMessage());
    Container failed = fx.engine().containers().list(true).get(0);
    assertEquals("created", failed.state().status().dockerName());
    assertTrue(Mounts.under(fx.root()).isEmpty(), "the failed container's root is unmounted");
  }

  @Test
  void missingImageSaysThereIsNoRegistry() {
    EngineException e = assertThrows(EngineException.class,
        () -> fx.engine().images().resolveForRun("nosuchimage", Progress.NONE));
    assertTrue(e.getMessage().contains("nosuchimage"), e.getMessage());
    assertEquals(EngineException.Kind.NOT_FOUND, e.kind());
  }
}
