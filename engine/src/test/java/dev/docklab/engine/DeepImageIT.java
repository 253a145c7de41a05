package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.storage.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deep images: their lower dirs, named in full, would pass the kernel's one page of mount options, so the
 * overlay driver names them by short links in {@code l/}, as Docker's overlay2 does.
 */
class DeepImageIT {
  private static final int LAYERS = 100;

  @Test
  void aHundredLayerImageRunsSeesEveryLayerAndLeavesNoLinkBehind() throws Exception {
    Path root = TestEngines.newDataRoot();
    Engine engine = TestEngines.open(root);
    try {
      engine.system().ensureBaseImages();
      int base = build(engine, root, "deep", "busybox", LAYERS);
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
      assertEquals(List.of(), dangling(root), "the removed container's init layer keeps no short link");
    } finally {
      TestEngines.destroy(engine, root);
    }
  }

  @Test
  void aRemovedImageTakesItsLayersShortLinksAndAStartDropsTheLinksLeftDangling() throws Exception {
    Path root = TestEngines.newDataRoot();
    Engine engine = TestEngines.open(root);
    try {
      engine.system().ensureBaseImages();
      build(engine, root, "deep", "busybox", 50);
      TestEngines.Output out = new TestEngines.Output();
      RunResult r = engine.containers().run(new RunRequest("deep", null, List.of("true"), List.of(), 0, 0, true, false,
          false, null, null, null, null, null), out);
      assertEquals(0, r.exitCode(), out.stderr());
      Set<Path> busybox = diffs(root, engine.images().find("busybox").diffIds());
      assertEquals(50, links(root).size(), "the mount named each of the image's 50 layers by a short link");

      engine.images().remove("deep", false, true);
      assertEquals(List.of(), dangling(root), "the removed layers' links went with them");
      assertEquals(busybox, links(root), "busybox's layers keep their links");

      engine.close();
      Path crashed = root.resolve("l").resolve("0123456789ab");
      Files.createSymbolicLink(crashed, root.resolve("layers").resolve("f".repeat(64)).resolve("diff"));
      engine = TestEngines.open(root);
      assertFalse(Files.isSymbolicLink(crashed), "a link an older docklab left dangling is gone after a start");
      assertEquals(busybox, links(root), "the links of layers still there stay");
    } finally {
      TestEngines.destroy(engine, root);
    }
  }

  /**
   * Builds {@code tag} from {@code from} with one COPY layer each up to {@code layers} layers; returns how
   * many {@code from} has.
   */
  private static int build(Engine engine, Path root, String tag, String from, int layers) throws IOException {
    int base = engine.images().find(from).diffIds().size();
    Path ctx = Files.createDirectories(root.resolve("context-" + tag));
    StringBuilder dockerfile = new StringBuilder("FROM " + from + "\n");
    for (int i = 0; i < layers - base; i++) {
      Files.writeString(ctx.resolve("f" + i), "layer " + i + "\n");
      dockerfile.append("COPY f").append(i).append(" /layers/f").append(i).append('\n');
    }
    engine.images().build(new BuildRequest(ctx, "Dockerfile", dockerfile.toString(), List.of(tag), Map.of(), false),
        line -> { }, (stream, bytes) -> { });
    return base;
  }

  /** The targets of the short links in {@code l/}. */
  private static Set<Path> links(Path root) throws IOException {
    try (Stream<Path> links = Files.list(root.resolve("l"))) {
      Set<Path> targets = new TreeSet<>();
      for (Path link : links.toList()) {
        targets.add(Files.readSymbolicLink(link));
      }
      return targets;
    }
  }

  private static List<Path> dangling(Path root) throws IOException {
    try (Stream<Path> links = Files.list(root.resolve("l"))) {
      return links.filter(link -> !Files.exists(link)).toList();
    }
  }

  private static Set<Path> diffs(Path root, List<Digest> diffIds) {
    return diffIds.stream().map(d -> root.resolve("layers").resolve(d.hex()).resolve("diff"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
