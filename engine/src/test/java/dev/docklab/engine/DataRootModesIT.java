package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local users get no root through a container (the class of CVE-2021-41091): the data root and the
 * directories under it are unreachable to them, as Docker's are (0710 root:root).
 */
class DataRootModesIT {
  private static final String PRIVATE = "rwx--x---";
  private Path parent;
  private Path root;
  private Engine engine;

  @BeforeEach
  void newRoot() throws Exception {
    // A parent every user may enter, as /var/lib is; the engine makes the data root itself, as it makes
    // /var/lib/docklab on a learner's first run.
    parent = TestEngines.newDataRoot();
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    root = parent.resolve("root");
  }

  @AfterEach
  void close() throws Exception {
    TestEngines.destroy(engine, parent);
    assertTrue(Mounts.under(parent).isEmpty(), "mounts left under " + parent);
  }

  @Test
  void aSetuidFileMadeInAContainerCannotBeRunByALocalUser() throws Exception {
    engine = TestEngines.open(root);
    engine.system().ensureBaseImages();
    RunRequest req = new RunRequest("busybox", "suid", List.of("sh", "-c", "cp /i /s; chmod 4755 /s; sleep 1d"),
        List.of(), 0, 0, false, false, false, RestartPolicy.NO, List.of(VolumeSpec.parseV("/usr/bin/id:/i:ro")));
    Container c = engine.containers().create(req, engine.images().find("busybox"));
    engine.containers().start(c.id(), false);
    Path dir = root.resolve("containers").resolve(c.id());
    Path upper = dir.resolve("upper").resolve("s");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!(Files.exists(upper) && mode(upper) == 0104755) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0104755, mode(upper), "the container made a setuid-root file");
    for (Path s : List.of(upper, dir.resolve("merged").resolve("s"))) {
      HostCommand r = HostCommand.asNobody(s.toString());
      assertFalse(r.output().contains("euid=0"), "nobody became root through " + s + ": " + r.output());
      assertNotEquals(0, r.status(), r.output());
      assertTrue(r.output().contains("Permission denied"), r.output());
    }
    HostCommand ls = HostCommand.asNobody("ls", root.resolve("layers").toString());
    assertTrue(ls.output().contains("Permission denied"), ls.output());
    assertPrivate(root);
    assertEquals(0, (int) Files.getAttribute(root, "unix:uid"));
    assertEquals(0, (int) Files.getAttribute(root, "unix:gid"));
    for (String d : List.of("containers", "containers/" + c.id(), "layers", "volumes")) {
      assertPrivate(root.resolve(d));
    }
  }

  @Test
  void aDataRootLeftOpenByAnOlderDocklabIsClosedWhenTheEngineOpens() throws Exception {
    String id = "0123456789abcdef".repeat(4);
    for (String d : List.of("containers/" + id + "/upper", "layers/abc/diff", "volumes/v/_data", "blobs/sha256")) {
      Files.createDirectories(root.resolve(d));
    }
    for (String d : List.of("", "containers", "containers/" + id, "layers", "volumes", "blobs")) {
      Files.setPosixFilePermissions(root.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setAttribute(root, "unix:uid", 65534);
    Files.setAttribute(root, "unix:gid", 65534);
    assertEquals(0, HostCommand.asNobody("ls", root.resolve("containers").resolve(id).toString()).status(),
        "open before");
    engine = TestEngines.open(root);
    assertEquals(0, (int) Files.getAttribute(root, "unix:uid"));
    assertEquals(0, (int) Files.getAttribute(root, "unix:gid"));
    for (String d : List.of("", "containers", "containers/" + id, "layers", "volumes", "blobs")) {
      assertPrivate(root.resolve(d));
    }
    HostCommand ls = HostCommand.asNobody("ls", root.resolve("containers").resolve(id).toString());
    assertNotEquals(0, ls.status(), ls.output());
    assertTrue(ls.output().contains("Permission denied"), ls.output());
  }

  private static int mode(Path file) throws Exception {
    return (int) Files.getAttribute(file, "unix:mode");
  }

  private static void assertPrivate(Path dir) throws Exception {
    assertEquals(PRIVATE, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)),
        dir.toString());
  }
}
