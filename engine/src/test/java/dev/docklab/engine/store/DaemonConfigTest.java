package dev.docklab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigTest {
  private static final long GIB = 1L << 30;
  @TempDir
  Path dir;

  private DaemonConfig read(String json) throws Exception {
    Path file = dir.resolve("daemon.json");
    Files.writeString(file, json);
    return DaemonConfig.read(file);
  }

  @Test
  void withoutAFileEveryContainerGetsTheClassroomDefaults() {
    DaemonConfig d = DaemonConfig.read(dir.resolve("daemon.json"));
    assertEquals(1024, d.pidsLimit(0));
    assertEquals(GIB, d.memoryLimit(0));
  }

  @Test
  void aRunSetsItsOwnLimitOrNone() {
    DaemonConfig d = DaemonConfig.defaults();
    assertEquals(5, d.pidsLimit(5));
    assertEquals(0, d.pidsLimit(-1), "--pids-limit -1: no limit");
    assertEquals(64L << 20, d.memoryLimit(64L << 20));
    assertEquals(0, d.memoryLimit(-1), "-m 0: no limit");
  }

  @Test
  void theFileSetsTheDefaultsBesideTheRegistryKeys() throws Exception {
    DaemonConfig d = read("{\"registry-mirrors\": [\"https://mirror.example\"], \"default-pids-limit\": 200,"
        + " \"default-memory\": \"512m\", \"some-docker-key\": true}");
    assertEquals(200, d.pidsLimit(0));
    assertEquals(512L << 20, d.memoryLimit(0));
    assertEquals(List.of("https://mirror.example"), d.registryMirrors());
    assertEquals(null, d.hub());
    assertEquals(3 * GIB, read("{\"default-memory\": 3221225472}").memoryLimit(0), "a number of bytes");
  }

  @Test
  void zeroOrMinusOneInTheFileMeansNoDefaultLimit() throws Exception {
    DaemonConfig d = read("{\"default-pids-limit\": -1, \"default-memory\": \"0\"}");
    assertEquals(0, d.pidsLimit(0));
    assertEquals(0, d.memoryLimit(0));
    assertEquals(0, read("{\"default-pids-limit\": 0, \"default-memory\": \"-1\"}").pidsLimit(0));
  }

  @Test
  void aBadValueIsOneClearLine() {
    EngineException tooSmall = assertThrows(EngineException.class, () -> read("{\"default-memory\": \"1m\"}"));
    assertTrue(tooSmall.getMessage().matches("could not read .*daemon.json: default-memory: Minimum memory limit "
        + "allowed is 6MB \\(fix it, or remove it for the defaults\\)"), tooSmall.getMessage());
    EngineException notASize = assertThrows(EngineException.class, () -> read("{\"default-memory\": \"lots\"}"));
    assertTrue(notASize.getMessage().contains("default-memory: invalid size: 'lots'"), notASize.getMessage());
    EngineException notANumber = assertThrows(EngineException.class, () -> read("{\"default-pids-limit\": \"many\"}"));
    assertTrue(notANumber.getMessage().startsWith("could not read "), notANumber.getMessage());
    assertEquals(1, notANumber.getMessage().lines().count());
  }
}
