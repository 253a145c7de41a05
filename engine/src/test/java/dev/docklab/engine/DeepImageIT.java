package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An image of 100 layers runs: its lower dirs, named in full, would pass the kernel's one page of mount
 * options, so the overlay driver names them by short links, as Docker's overlay2 does.
 */
class DeepImageIT {
  private static final int LAYERS = 100;

  @Test
  void aHundredLayerImageRunsSeesEveryLayerAndLeavesNoLinkBehind() throws Exception {
    Path root = TestEngines.newDataRoot();
    Engine engine = TestEngines.open(root);
    try {
      engine.system().ensureBaseImages();
      int base = engine.images().find("busybox").diffIds().size();
      Path ctx = Files.createDirectories(root.resolve("context"));
      StringBuilder dockerfile = new StringBuilder("FROM busybox\n");
      for (int i = 0; i < LAYERS - base; i++) {
        Files.writeString(ctx.resolve("f" + i), "layer " + i + "\n");
        dockerfile.append("COPY f").append(i).append(" /layers/f").append(i).append('\n');
      }
      engine.images().build(new BuildRequest(ctx, "Dockerfile", dockerfile.toString(), List.of("deep"), Map.of(),
          false), line -> { }, (stream, bytes) -> { });
      assertEquals(LAYERS, engine.images().find("deep").diffIds().size());
      long fullNames = (long) LAYERS * root.resolve("layers").resolve("0".repeat(64)).resolve("diff").toString().length();
      assertTrue(fullNames > 4096, "the lower dirs' full names take " + fullNames + " bytes, more than a page");

      TestEngines.Output out = new TestEngines.Output();
      int last = LAYERS - base - 1;
      RunResult r = engine.containers().run(new RunRequest("deep", null,
          List.of("sh", "-c", "cat /layers/f0 /layers/f" + last + "; ls /layers | wc -l; echo ok > /top"), List.of(),
          0, 0, true, false, false, null, null, null, null, null), out);

      assertEquals(0, r.exitCode(), out.stderr());
      assertEquals("layer 0\nlayer " + last + "\n" + (last + 1) + "\n", out.stdout());
      assertTrue(Mounts.under(root).isEmpty(), "the container's root is unmounted after --rm");
      try (Stream<Path> links = Files.list(root.resolve("l"))) {
        List<Path> dangling = links.filter(link -> !Files.exists(link)).toList();
        assertEquals(List.of(), dangling, "the removed container's init layer keeps no short link");
      }
    } finally {
      TestEngines.destroy(engine, root);
    }
  }
}
