package dev.docklab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.StorageDriverName;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LayoutTest {
  private static final String ID = "a".repeat(64);
  private final Layout layout = new Layout(Path.of("/var/lib/docklab"));

  @Test
  void containerFilesLiveInTheContainersDirectory() {
    ContainerFiles files = layout.containerFiles(ID);
    Path dir = Path.of("/var/lib/docklab/containers", ID);
    assertEquals(dir, files.dir());
    assertEquals(dir.resolve("container.json"), files.config());
    assertEquals(dir.resolve("container.log"), files.log());
    assertEquals(dir.resolve("bundle/config.json"), files.bundle().config());
    assertEquals(dir.resolve("bundle/conmon.pid"), files.bundle().monitorPidFile());
  }

  @Test
  void theContainersDirectoryLeadsBackToItsDataRoot() {
    ContainerFiles files = Layout.containerFilesAt(layout.container(ID));
    assertEquals(layout, files.layout());
    assertEquals(ID, files.id());
  }

  @Test
  void rejectsADirectoryThatIsNoContainers() {
    assertThrows(IllegalArgumentException.class, () -> Layout.containerFilesAt(layout.layers().resolve(ID)));
  }

  @Test
  void aRemovedContainerIsRecognisedByItsName() {
    assertTrue(Layout.isRemovedContainer(layout.removedContainer(ID)));
    assertFalse(Layout.isRemovedContainer(layout.container(ID)));
  }

  @Test
  void whatIsKeptForUndoLivesUnderKeptAndIsNoContainerOfTheStore() {
    assertEquals(Path.of("/var/lib/docklab/kept/on"), layout.keepingMark());
    assertEquals(Path.of("/var/lib/docklab/kept/containers", ID), layout.keptContainer(ID));
    assertEquals(Path.of("/var/lib/docklab/kept/containers", ID + ".json"), layout.keptContainerNote(ID));
    assertEquals(Path.of("/var/lib/docklab/kept/images", "b".repeat(64) + ".json"),
        layout.keptImage(Digest.sha256("b".repeat(64))));
    assertFalse(layout.keptContainer(ID).startsWith(layout.containers()), "docker ps -a does not see it");
  }

  @Test
  void theRootAndTheWritableLayerDependOnTheDriver() {
    ContainerFiles files = layout.containerFiles(ID);
    assertEquals(files.merged(), files.root(StorageDriverName.OVERLAY2));
    assertEquals(files.upper(), files.writable(StorageDriverName.OVERLAY2));
    assertEquals(files.rootfs(), files.root(StorageDriverName.VFS));
    assertEquals(files.rootfs(), files.writable(StorageDriverName.VFS));
  }
}
