package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vfs driver: no union mount, a full copy of the layers, the same container behaviour. */
class VfsDriverIT {
  @Test
  void runsFromAFullCopyWithoutAnyMount() throws Exception {
    Path root = TestEngines.newDataRoot();
    Engine engine = Engine.open(EngineOptions.at(root).withStorageDriver("vfs"), EngineListener.NONE);
    try {
      engine.system().ensureBaseImages();
      assertEquals("vfs", engine.system().info().storageDriver());
      TestEngines.Output out = new TestEngines.Output();
      RunResult r = engine.containers().run(new RunRequest("busybox", null,
          List.of("sh", "-c", "rm /bin/vi; ls /bin/vi 2>&1; cat /etc/passwd | head -1; echo hi > /new"),
          List.of(), 0, 0, false), out);
      assertEquals(0, r.exitCode(), out.stderr());
      assertTrue(out.stdout().contains("No such file or directory"), out.stdout());
      assertTrue(out.stdout().contains("root:x:0:0:root:/root:/bin/sh"), out.stdout());
      Path rootfs = root.resolve("containers").resolve(r.container().id()).resolve("rootfs");
      assertEquals("hi\n", Files.readString(rootfs.resolve("new")), "writes land in the copy");
      assertFalse(Files.exists(rootfs.resolve("bin/vi"), LinkOption.NOFOLLOW_LINKS));
      assertTrue(Mounts.under(root).isEmpty(), "vfs mounts nothing");
    } finally {
      TestEngines.destroy(engine, root);
    }
  }
}
