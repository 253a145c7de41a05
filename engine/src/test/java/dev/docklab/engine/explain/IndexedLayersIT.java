package dev.docklab.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.TestEngines;
import dev.docklab.engine.api.BuildRequest;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.layer.LayerIndex;
import dev.docklab.engine.layer.LayerIndex.Entry;
import dev.docklab.engine.layer.LayerIndex.Kind;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.LayerFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** explain layers from the layers' indexes says what a walk of every layer dir says, on a real built image. */
class IndexedLayersIT {
  private static final String DOCKERFILE = String.join("\n", "FROM busybox",
      "RUN mkdir -p /data/sub && echo one > /data/sub/a && head -c 5000 /dev/zero > /big && echo v1 > /over",
      "RUN rm /big && echo version-two > /over",
      "RUN rm -rf /data && mkdir /data && echo fresh > /data/c", "");
  private Path root;
  private Path context;
  private Engine engine;

  @BeforeEach
  void open() throws Exception {
    root = TestEngines.newDataRoot();
    context = Files.createTempDirectory("docklab-context-");
    engine = TestEngines.open(root);
    engine.system().ensureBaseImages();
    engine.images().build(new BuildRequest(context, "Dockerfile", DOCKERFILE, List.of("indexed"), Map.of(), false),
        line -> { }, (stream, bytes) -> { });
  }

  @AfterEach
  void close() throws Exception {
    TestEngines.destroy(engine, root);
    Trees.deleteRecursively(context);
    assertTrue(Mounts.under(root).isEmpty());
  }

  @Test
  void theIndexedAnswerEqualsTheWalkedOneWithWhiteoutsOpaqueDirsAndAnOverwrittenFile() throws Exception {
    LayerReport report = engine.explain().layers("indexed");
    List<LayerReport.Layer> layers = report.layers();
    assertEquals(5, layers.size(), "busybox's two layers and one a RUN");

    List<LayerReport.Waste> walkedWaste = new ArrayList<>();
    List<Explainer.LayerChanges> walked = WalkedLayers.analyse(layers.stream().map(LayerReport.Layer::dir).toList(),
        layers.stream().map(LayerReport.Layer::createdBy).toList(), walkedWaste);
    assertEquals(walked, layers.stream().map(l -> new Explainer.LayerChanges(l.added(), l.changed(), l.deleted()))
        .toList());
    assertEquals(walkedWaste, report.wasted());
    assertEquals(walkedWaste.stream().mapToLong(LayerReport.Waste::bytes).sum(), report.wastedBytes());
    assertEquals(List.of("/big", "/over"), report.wasted().stream().map(LayerReport.Waste::path).toList(),
        "the deleted file and the overwritten one, largest first");
    assertEquals(5000, report.wasted().get(0).bytes());

    Layout layout = new Layout(root);
    List<Entry> removing = LayerIndex.read(layout.layerFiles(Digest.parse(layers.get(3).diffId())));
    assertTrue(removing.contains(new Entry("big", Kind.WHITEOUT, 0)), removing.toString());
    assertTrue(removing.contains(new Entry("over", Kind.FILE, 12)), removing.toString());
    List<Entry> replacing = LayerIndex.read(layout.layerFiles(Digest.parse(layers.get(4).diffId())));
    assertTrue(replacing.contains(new Entry("data", Kind.OPAQUE_DIRECTORY, 0)), replacing.toString());
  }

  @Test
  void layersOfAnOlderDocklabGetTheirIndexOnFirstUseAndSayTheSame() throws Exception {
    LayerReport indexed = engine.explain().layers("indexed");
    Layout layout = new Layout(root);
    List<LayerFiles> files = indexed.layers().stream().map(l -> layout.layerFiles(Digest.parse(l.diffId()))).toList();
    for (LayerFiles f : files) {
      assertTrue(Files.isRegularFile(f.index()), "written when the layer was made: " + f.dir());
      Files.delete(f.index());
    }
    assertEquals(indexed, engine.explain().layers("indexed"));
    for (LayerFiles f : files) {
      assertTrue(Files.isRegularFile(f.index()), "made on first use: " + f.dir());
      try (var s = Files.list(f.dir())) {
        assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
      }
    }
  }
}
