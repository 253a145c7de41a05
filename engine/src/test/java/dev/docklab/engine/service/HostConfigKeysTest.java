package dev.docklab.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.runtime.OciSpec;
import dev.docklab.engine.store.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker inspect}'s HostConfig keys for capabilities, privileged mode, root mounts, ulimits and devices. */
class HostConfigKeysTest {
  @TempDir
  Path root;

  @SuppressWarnings("unchecked")
  private Map<String, Object> hostConfig(Hardening h, List<String> securityOpt) {
    Container c = new Container("ab".repeat(32), "box", "2024-05-01T09:59:59.5Z", "busybox", "sha256:" + "cd".repeat(32),
        "sh", List.of(), List.of(), "/", "", "overlay2",
        new Container.HostConfig(0, 0, false, null, "bridge", List.of(), false, securityOpt), Container.State.created(),
        false, false, 0, List.of(), List.of(), null, Map.of(), null, null, null, h, null, null);
    return (Map<String, Object>) new Inspector(new Layout(root), "runc").container(c, null, "overlay2").get("HostConfig");
  }

  @Test
  void aPlainRunShowsDockersDefaults() {
    Map<String, Object> host = hostConfig(Hardening.NONE, List.of());
    assertNull(host.get("CapAdd"));
    assertNull(host.get("CapDrop"));
    assertEquals(false, host.get("Privileged"));
    assertEquals(false, host.get("ReadonlyRootfs"));
    assertEquals(67108864L, host.get("ShmSize"));
    assertEquals(List.of(), host.get("Devices"));
    assertEquals(List.of(), host.get("Ulimits"));
    assertFalse(host.containsKey("Tmpfs"), "omitted when empty, as Docker's omitempty");
    assertFalse(host.containsKey("Sysctls"));
    assertEquals(OciSpec.MASKED_PATHS, host.get("MaskedPaths"));
    assertEquals(OciSpec.READONLY_PATHS, host.get("ReadonlyPaths"));
  }

  @Test
  void theKeysComeInDockersOrder() {
    List<String> keys = new ArrayList<>(hostConfig(Hardening.NONE, List.of()).keySet());
    for (String[] pair : new String[][] {{"Binds", "LogConfig"}, {"AutoRemove", "CapAdd"}, {"CapDrop", "GroupAdd"},
        {"GroupAdd", "Privileged"}, {"Privileged", "PublishAllPorts"}, {"ReadonlyRootfs", "SecurityOpt"},
        {"ShmSize", "Runtime"}, {"Memory", "Devices"}, {"PidsLimit", "Ulimits"}, {"Ulimits", "MaskedPaths"}}) {
      assertTrue(keys.indexOf(pair[0]) >= 0 && keys.indexOf(pair[0]) < keys.indexOf(pair[1]), pair[0] + " before "
          + pair[1] + " in " + keys);
    }
  }

  @Test
  void whatTheRunAskedForAsDockerRecordsIt() {
    Hardening h = new Hardening(false, List.of("NET_ADMIN"), List.of("chown"), true, Map.of("/tmp", "size=1m"),
        1 << 20, List.of(new Hardening.Ulimit("nofile", 1024, 2048)), Map.of("net.ipv4.ip_forward", "1"),
        List.of(new Hardening.Device("/dev/zero", "/dev/myzero", "rwm")), List.of("c 1:5 r"), List.of("audio"),
        List.of(), List.of(), "host", null);
    Map<String, Object> host = hostConfig(h, List.of());
    assertEquals(List.of("NET_ADMIN"), host.get("CapAdd"));
    assertEquals(List.of("chown"), host.get("CapDrop"));
    assertEquals(true, host.get("ReadonlyRootfs"));
    assertEquals(Map.of("/tmp", "size=1m"), host.get("Tmpfs"));
    assertEquals(1048576L, host.get("ShmSize"));
    assertEquals(List.of(Map.of("Name", "nofile", "Hard", 2048L, "Soft", 1024L)), host.get("Ulimits"));
    assertEquals(Map.of("net.ipv4.ip_forward", "1"), host.get("Sysctls"));
    assertEquals(List.of(Map.of("PathOnHost", "/dev/zero", "PathInContainer", "/dev/myzero", "CgroupPermissions",
        "rwm")), host.get("Devices"));
    assertEquals(List.of("c 1:5 r"), host.get("DeviceCgroupRules"));
    assertEquals(List.of("audio"), host.get("GroupAdd"));
    assertEquals("host", host.get("UsernsMode"));
    assertEquals(List.of(), host.get("MaskedPaths"));
  }

  @Test
  void aPrivilegedContainerHasLabelsOffAndNoMaskedPaths() {
    Hardening h = new Hardening(true, null, null, false, null, 0, null, null, null, null, null, null, null, null,
        null);
    Map<String, Object> host = hostConfig(h, List.of("no-new-privileges"));
    assertEquals(true, host.get("Privileged"));
    assertEquals(List.of("no-new-privileges", "label=disable"), host.get("SecurityOpt"));
    assertNull(host.get("MaskedPaths"));
    assertNull(host.get("ReadonlyPaths"));
  }
}
