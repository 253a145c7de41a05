package dev.docklab.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.Container;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPathsTest {
  @TempDir
  Path dir;

  private ContainerPaths paths(Path root, Container.MountPoint... mounts) {
    return new ContainerPaths(root, List.of(mounts));
  }

  @Test
  void anAbsoluteLinkStartsAgainAtTheContainersRoot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root/tmp"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("/etc"));
    ContainerPaths p = paths(dir.resolve("root"));
    assertEquals("/etc/passwd", p.resolve("/tmp/escape/passwd", true));
    assertEquals(dir.resolve("root/etc/passwd"), p.host(p.resolve("/tmp/escape/passwd", true)));
  }

  @Test
  void dotDotStopsAtTheRoot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root/tmp"));
    Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../../../etc"));
    ContainerPaths p = paths(dir.resolve("root"));
    assertEquals("/etc", p.resolve("/tmp/up", true));
    assertEquals("/tmp/up", p.resolve("/tmp/up", false), "the last link stays when not followed");
    assertEquals("/x", p.resolve("../../x", true));
  }

  @Test
  void aPathInAVolumeIsInTheVolume() throws IOException {
    Files.createDirectories(dir.resolve("root/data"));
    Path vol = Files.createDirectories(dir.resolve("vol"));
    ContainerPaths p = paths(dir.resolve("root"), new Container.MountPoint("volume", "v", vol.toString(), "/data",
        false, false));
    assertEquals(vol.resolve("a/b"), p.host("/data/a/b"));
    assertEquals(vol, p.host("/data"));
    assertEquals(dir.resolve("root/database"), p.host("/database"));
  }

  @Test
  void aLoopIsRefused() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("a"), Path.of("/b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));
    assertThrows(FileSystemException.class, () -> paths(root).resolve("/a/x", true));
  }
}
