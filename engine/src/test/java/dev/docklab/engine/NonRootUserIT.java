package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An image whose USER is not root works as on Docker: it reads the /etc files the engine mounts
 * (0644, as Docker's) and its own root filesystem, though the data root is closed to that user.
 */
class NonRootUserIT {
  private static final String IMAGE = "docklab-test/nobody";
  static Path root;
  static Path context;
  static Engine engine;

  @BeforeAll
  static void open() throws Exception {
    root = TestEngines.newDataRoot();
    context = Files.createTempDirectory("docklab-context-");
    engine = TestEngines.open(root);
    engine.system().ensureBaseImages();
    engine.images().build(new BuildRequest(context, "Dockerfile", "FROM busybox\nUSER 65534\n", List.of(IMAGE),
        Map.of(), false), line -> { }, (stream, bytes) -> { });
  }

  @AfterAll
  static void close() throws Exception {
    TestEngines.destroy(engine, root);
    Trees.deleteRecursively(context);
    assertTrue(Mounts.under(root).isEmpty(), "mounts left under " + root);
  }

  private static TestEngines.Output run(String script) {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = engine.containers().run(new RunRequest(IMAGE, null, List.of("sh", "-c", script), List.of(), 0, 0,
        true), out);
    assertEquals(0, r.exitCode(), "stdout: " + out.stdout() + " stderr: " + out.stderr());
    return out;
  }

  @Test
  void theEtcFilesTheEngineMountsAreReadableByAnyUser() {
    TestEngines.Output out = run("id -u; stat -c '%n %a' /etc/hostname /etc/hosts /etc/resolv.conf; "
        + "grep -c . /etc/hosts /etc/resolv.conf /etc/hostname >/dev/null && echo readable");
    assertEquals("65534\n/etc/hostname 644\n/etc/hosts 644\n/etc/resolv.conf 644\nreadable\n", out.stdout(),
        out.stderr());
  }

  @Test
  void itUsesItsRootFilesystemThoughTheDataRootIsClosedToIt() {
    TestEngines.Output out = run("ls /bin/sh && echo hi > /tmp/x && cat /tmp/x && ls -d / /etc");
    assertEquals("/bin/sh\nhi\n/\n/etc\n", out.stdout(), out.stderr());
  }
}
