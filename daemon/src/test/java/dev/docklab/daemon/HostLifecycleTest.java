package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Lifecycle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /containers/create}'s lifecycle fields, as the docker CLI sends them for run's flags. */
class HostLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Lifecycle read(String json) throws Exception {
    return CreateRequest.read(JSON.readTree(json), null).lifecycle();
  }

  @Test
  void readsTheHealthcheckStopSettingsLogConfigAndVolumesFrom() throws Exception {
    Lifecycle l = read("{\"Image\":\"busybox\",\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"exit 1\"],"
        + "\"Interval\":1000000000,\"Retries\":2},\"StopSignal\":\"SIGUSR1\",\"StopTimeout\":3,"
        + "\"HostConfig\":{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"10k\"}},"
        + "\"VolumesFrom\":[\"web:ro\"],\"ContainerIDFile\":\"/tmp/id\",\"Annotations\":{\"a\":\"b\"}}}");
    assertEquals(new Lifecycle.Healthcheck(List.of("CMD-SHELL", "exit 1"), 1_000_000_000L, 0, 0, 0, 2),
        l.healthcheck());
    assertEquals("SIGUSR1", l.stopSignal());
    assertEquals(3, l.stopTimeout());
    assertEquals("json-file", l.logDriver());
    assertEquals(Map.of("max-size", "10k"), l.logOpts());
    assertEquals(List.of("web:ro"), l.volumesFrom());
    assertEquals("/tmp/id", l.cidFile());
    assertEquals(Map.of("a", "b"), l.annotations());
  }

  @Test
  void absentFieldsAreTheImagesAndTheEngines() throws Exception {
    Lifecycle l = read("{\"Image\":\"busybox\",\"HostConfig\":{\"LogConfig\":{\"Type\":\"\",\"Config\":{}}}}");
    assertNull(l.healthcheck());
    assertNull(l.stopTimeout());
    assertEquals("", l.stopSignal());
    assertEquals("", l.logDriver());
  }
}
