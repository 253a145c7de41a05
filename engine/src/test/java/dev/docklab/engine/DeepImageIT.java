package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.image.ImageStore;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.sys.Posix;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deep images: their lower dirs, named in full, would pass the kernel's one page of mount options, so the
 * overlay driver names them by short links in {@code l/}, as Docker's overlay2 does; Docker's layer store
 * takes at most 125 layers an image, and so does docklab's.
 */
class DeepImageIT {
  @RegisterExtension
  final EngineFixture fx = new EngineFixture();
  /** The deepest image Docker's layer store accepts ({@code maxLayerDepth} in moby's layer/layer_store.go). */
  private static final int DEEPEST = 125;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDeepestImageDockerAcceptsRunsAndOneLayerMoreIsRefusedInDockersWords() throws Exception {
    Path root = fx.root();
    Engine engine = fx.engine();
    int base = build(engine, root, "deep", "busybox", DEEPEST);
    assertEquals(DEEPEST, engine.images().find("deep").diffIds().size());
    long fullNames = (long) DEEPEST * root.resolve("layers").resolve("0".repeat(64)).resolve("diff").toString().length();
    assertTrue(fullNames > 4096, "the lower dirs' full names take " + fullNames + " bytes, more than a page");

    TestEngines.Output out = new TestEngines.Output();
    int last = DEEPEST - base - 1;
    RunResult r = engine.containers().run(new RunRequest("deep", null,
        List.of("sh", "-c", "cat /layers/f0 /layers/f" + last + "; ls /layers | wc -l; echo ok > /top"), List.of(),
        0, 0, true, false, false, null, null, null, null, null), out);
    assertEquals(0, r.exitCode(), out.stderr());
    assertEquals("layer 0\nlayer " + last + "\n" + (last + 1) + "\n", out.stdout());
    assertTrue(Mounts.under(root).isEmpty(), "the container's root is unmounted after --rm");
    assertEquals(List.of(), dangling(root), "the removed container's init layer keeps no short link");

    EngineException built = assertThrows(EngineException.class, () -> build(engine, root, "deeper", "deep", DEEPEST + 1));
    assertEquals("max depth exceeded", built.getMessage(), "a build step's layer above 125");
    assertEquals(null, engine.images().find("deeper"), "no image stands on the refused layer");

    Container c = engine.containers().create(RunRequest.of("deep", "true"), engine.images().find("deep"));
    EngineException committed = assertThrows(EngineException.class, () -> engine.images().commit(c, "deeper"));
    assertEquals("max depth exceeded", committed.getMessage(), "a commit's layer above 125");
    assertTrue(Mounts.under(root).isEmpty(), "the refused commit leaves nothing mounted");
  }

  @Test
  void aRemovedImageTakesItsLayersShortLinksAndAStartDropsTheLinksLeftDangling() throws Exception {
    Path root = fx.root();
    Engine engine = fx.engine();
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
    engine = fx.reopen();
    assertFalse(Files.isSymbolicLink(crashed), "a link an older docklab left dangling is gone after a start");
    assertEquals(busybox, links(root), "the links of layers still there stay");
  }

  /**
   * An image of more layers than Docker's layer store takes can still be in an older data root: overlay2 stacks a
   * container's layer on its init layer and at most 127 image layers, and refuses more when the container is created.
   */
  @Test
  void aContainerOnAnImageDeeperThanOverlay2StacksIsRefusedWhenCreated() throws Exception {
    Path root = fx.root();
    Engine engine = fx.engine();
    build(engine, root, "deep", "busybox", DEEPEST);
    Image deep = engine.images().find("deep");
    engine.close();
    fx.forget();
    Digest deepest = forge(root, deep, 127);
    Digest deeper = forge(root, deep, 128);
    engine = fx.reopen();

    Container taken = engine.containers().create(RunRequest.of(deepest.toString(), "true"),
        engine.images().inspect(deepest.toString()));
    assertEquals(deepest, taken.imageDigest());
    Engine open = engine;
    EngineException refused = assertThrows(EngineException.class, () -> open.containers().create(
        RunRequest.of(deeper.toString(), "true"), open.images().inspect(deeper.toString())));
    assertEquals("max depth exceeded", refused.getMessage());
    assertEquals(1, engine.containers().list(true).size(), "the refused container is not recorded");
  }

  /**
   * Records, as an older docklab could have, an image of {@code depth} layers: {@code image}'s, its top layer
   * repeated above them. The engine must be closed.
   */
  private static Digest forge(Path root, Image image, int depth) throws IOException {
    Layout layout = new Layout(root);
    BlobStore blobs = new BlobStore(layout);
    ImageStore images = new ImageStore(layout, blobs, new LayerStore(layout, Posix.host()));
    ObjectNode config = (ObjectNode) JSON.readTree(blobs.read(image.id()));
    ObjectNode manifest = (ObjectNode) JSON.readTree(blobs.read(image.manifest()));
    ArrayNode diffIds = (ArrayNode) config.path("rootfs").path("diff_ids");
    ArrayNode layers = (ArrayNode) manifest.path("layers");
    while (diffIds.size() < depth) {
      diffIds.add(diffIds.get(diffIds.size() - 1).deepCopy());
      layers.add(layers.get(layers.size() - 1).deepCopy());
    }
    byte[] configBytes = JSON.writeValueAsBytes(config);
    Digest configDigest = blobs.put(configBytes);
    ObjectNode descriptor = (ObjectNode) manifest.path("config");
    descriptor.put("digest", configDigest.toString()).put("size", configBytes.length);
    return images.add(configDigest, blobs.put(JSON.writeValueAsBytes(manifest)));
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
