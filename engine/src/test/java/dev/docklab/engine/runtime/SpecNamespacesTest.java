package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Namespaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecNamespacesTest {
  private static final HostFacts V1 = new HostFacts(1, true, 20000, "6.1.0", "Debian", null, null, false);
  private static final HostFacts V2 = new HostFacts(2, false, 20000, "6.1.0", "Debian", null, null, false);

  private static Map<String, Object> spec(Namespaces n, HostFacts host, List<BundleSpec.Bind> binds) {
    BundleSpec s = new BundleSpec(List.of("sleep", "60"), List.of(), "/", 0, 0, "abc", false, Path.of("/r"),
        "/docklab/x", 0, 0, binds, null, new BundleSpec.Security(null, null, false), null, null, n);
    return OciSpec.build(s, host);
  }

  private static Namespaces modes(String pid, String ipc, String uts, String cgroupns, String domain, boolean init) {
    return new Namespaces(pid, ipc, uts, cgroupns, null, null, null, null, null, null, null, domain, init, null,
        null, null);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> namespaces(Map<String, Object> spec) {
    return (List<Map<String, Object>>) ((Map<String, Object>) spec.get("linux")).get("namespaces");
  }

  private static Map<String, Object> ns(Map<String, Object> spec, String type) {
    return namespaces(spec).stream().filter(e -> e.get("type").equals(type)).findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> mounts(Map<String, Object> spec) {
    return (List<Map<String, Object>>) spec.get("mounts");
  }

  @Test
  void defaultsAreDockersNamespacesOfItsOwn() {
    Map<String, Object> spec = spec(Namespaces.NONE, V1, List.of());
    for (String t : List.of("pid", "ipc", "uts", "network", "mount")) {
      assertEquals(Map.of("type", t), ns(spec, t), t);
    }
    assertNull(ns(spec, "cgroup"), "cgroup v1: Docker's default cgroupns is the host's");
    assertEquals(Map.of("type", "cgroup"), ns(spec(Namespaces.NONE, V2, List.of()), "cgroup"));
    assertEquals("abc", spec.get("hostname"));
    assertFalse(spec.containsKey("domainname"));
  }

  @Test
  void hostModesDropTheNamespaceAndJoinedOnesNameItsPath() {
    Map<String, Object> spec = spec(modes("host", "ns:/proc/42/ns/ipc", "host", "private", "example.org", false), V1,
        List.of());
    assertNull(ns(spec, "pid"));
    assertNull(ns(spec, "uts"));
    assertEquals(Map.of("type", "ipc", "path", "/proc/42/ns/ipc"), ns(spec, "ipc"));
    assertEquals(Map.of("type", "cgroup"), ns(spec, "cgroup"));
    assertFalse(spec.containsKey("hostname"), "runc refuses a hostname without a UTS namespace");
    assertFalse(spec.containsKey("domainname"));
    assertNull(ns(spec(modes("", "", "", "host", "", false), V2, List.of()), "cgroup"));
    Map<String, Object> joined = spec(modes("ns:/proc/7/ns/pid", "", "", "", "example.org", false), V1, List.of());
    assertEquals(Map.of("type", "pid", "path", "/proc/7/ns/pid"), ns(joined, "pid"));
    assertEquals("example.org", joined.get("domainname"));
  }

  @Test
  void devShmFollowsTheIpcMode() {
    long tmpfs = mounts(spec(Namespaces.NONE, V1, List.of())).stream()
        .filter(m -> m.get("destination").equals("/dev/shm")).count();
    assertEquals(1, tmpfs);
    assertTrue(mounts(spec(modes("", "none", "", "", "", false), V1, List.of())).stream()
        .noneMatch(m -> m.get("destination").equals("/dev/shm")), "--ipc none: no /dev/shm");
    List<Map<String, Object>> shared = mounts(spec(modes("", "shareable", "", "", "", false), V1,
        List.of(new BundleSpec.Bind(Path.of("/data/c/shm"), "/dev/shm", false))));
    List<Map<String, Object>> shm = shared.stream().filter(m -> m.get("destination").equals("/dev/shm")).toList();
    assertEquals(1, shm.size());
    assertEquals("/data/c/shm", shm.get(0).get("source"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void initRunsTiniAsPid1BeforeTheCommand() {
    Map<String, Object> spec = spec(modes("", "", "", "", "", true), V1, List.of());
    assertEquals(List.of("/sbin/docker-init", "--", "sleep", "60"),
        ((Map<String, Object>) spec.get("process")).get("args"));
    Map<String, Object> init = mounts(spec).stream().filter(m -> m.get("destination").equals("/sbin/docker-init"))
        .findFirst().orElseThrow();
    assertEquals("/usr/bin/tini-static", init.get("source"));
    assertEquals(List.of("bind", "ro"), init.get("options"));
  }
}
