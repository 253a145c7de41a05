package dev.docklab.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.engine.api.LayerReport;
import dev.docklab.engine.explain.Explainer.Entry;
import dev.docklab.engine.explain.Explainer.LayerChanges;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each layer added, changed and deleted, and the bytes a higher layer hid, from the layers' entries. */
class ExplainerTest {
  @Test
  void countsChangesAndTheFilesHigherLayersOverwroteOrDeleted() {
    List<Entry> base = List.of(new Entry("etc", 0, false), new Entry("etc/big", 100, false),
        new Entry("etc/small", 5, false), new Entry("empty", 0, false));
    List<Entry> top = List.of(new Entry("etc", 0, false), new Entry("etc/big", 7, false),
        new Entry("etc/small", 0, true), new Entry("empty", 0, true), new Entry("new", 3, false),
        new Entry("gone-already", 0, true));
    List<LayerReport.Waste> waste = new ArrayList<>();
    List<LayerChanges> changes = Explainer.analyse(List.of(base, top), List.of("ADD base", "RUN top"), waste);
    assertEquals(List.of(new LayerChanges(4, 0, 0), new LayerChanges(1, 2, 3)), changes);
    assertEquals(List.of(new LayerReport.Waste("/etc/big", 100, "RUN top"),
        new LayerReport.Waste("/etc/small", 5, "RUN top")), waste, "largest first; an empty file wastes nothing");
  }

  @Test
  void aPathWrittenAgainAfterItsDeletionIsAddedAgain() {
    List<LayerReport.Waste> waste = new ArrayList<>();
    List<LayerChanges> changes = Explainer.analyse(List.of(List.of(new Entry("f", 9, false)),
        List.of(new Entry("f", 0, true)), List.of(new Entry("f", 4, false))), List.of("a", "b", "c"), waste);
    assertEquals(List.of(new LayerChanges(1, 0, 0), new LayerChanges(0, 0, 1), new LayerChanges(1, 0, 0)), changes);
    assertEquals(List.of(new LayerReport.Waste("/f", 9, "b")), waste);
  }
}
