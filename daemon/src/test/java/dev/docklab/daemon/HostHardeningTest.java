package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Hardening;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /containers/create}'s hardening fields as the docker CLI sends them. */
class HostHardeningTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Hardening read(String hostConfig) throws Exception {
    return CreateRequest.read(JSON.readTree("{\"Image\":\"busybox\",\"HostConfig\":" + hostConfig + "}"), null)
        .hardening();
  }

  @Test
  void readsEveryFieldTheCliSends() throws Exception {
    Hardening h = read("{\"CapAdd\":[\"NET_ADMIN\"],\"CapDrop\":[\"chown\"],\"Privileged\":true,"
        + "\"ReadonlyRootfs\":true,\"Tmpfs\":{\"/tmp\":\"size=1m\",\"/run\":\"\"},\"ShmSize\":134217728,"
        + "\"Ulimits\":[{\"Name\":\"nofile\",\"Hard\":2048,\"Soft\":1024}],\"Sysctls\":{\"net.ipv4.ip_forward\":\"1\"},"
        + "\"Devices\":[{\"PathOnHost\":\"/dev/zero\",\"PathInContainer\":\"/dev/myzero\",\"CgroupPermissions\":\"r\"}],"
        + "\"DeviceCgroupRules\":[\"c 1:5 rwm\"],\"GroupAdd\":[\"audio\"],\"MaskedPaths\":[],\"ReadonlyPaths\":[],"
        + "\"UsernsMode\":\"host\",\"StorageOpt\":{\"size\":\"1G\"}}");
    assertTrue(h.privileged(), "no longer refused");
    assertEquals(List.of("NET_ADMIN"), h.capAdd());
    assertEquals(List.of("chown"), h.capDrop());
    assertTrue(h.readOnlyRootfs());
    assertEquals(Map.of("/tmp", "size=1m", "/run", ""), h.tmpfs());
    assertEquals(128L << 20, h.shmSize());
    assertEquals(List.of(new Hardening.Ulimit("nofile", 1024, 2048)), h.ulimits());
    assertEquals(Map.of("net.ipv4.ip_forward", "1"), h.sysctls());
    assertEquals(List.of(new Hardening.Device("/dev/zero", "/dev/myzero", "r")), h.devices());
    assertEquals(List.of("c 1:5 rwm"), h.deviceCgroupRules());
    assertEquals(List.of("audio"), h.groupAdd());
    assertEquals(List.of(), h.maskedPaths());
    assertEquals(List.of(), h.readonlyPaths());
    assertEquals("host", h.usernsMode());
    assertEquals(Map.of("size", "1G"), h.storageOpt());
  }

  @Test
  void aPlainCreateIsDockersDefaults() throws Exception {
    Hardening h = read("{\"CapAdd\":null,\"CapDrop\":null,\"Ulimits\":[],\"Devices\":[],\"MaskedPaths\":null}");
    assertEquals(Hardening.NONE, h);
    assertNull(h.maskedPaths());
  }
}
