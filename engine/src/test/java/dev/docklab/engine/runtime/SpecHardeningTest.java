package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's hardening settings in its OCI spec, as Docker's daemon writes them. */
class SpecHardeningTest {
  private static final HostFacts HOST = new HostFacts(1, true, 20000, "6.1.0", "Debian", null, null, true);

  private static Hardening with(boolean privileged, List<String> add, List<String> drop) {
    return new Hardening(privileged, add, drop, false, null, 0, null, null, null, null, null, null, null, null, null);
  }

  private static Map<String, Object> spec(Hardening h) {
    BundleSpec s = new BundleSpec(List.of("sh"), List.of(), "/", 0, 0, "box", false, Path.of("/rootfs"), "docklab/x",
        0, 0, List.of(new BundleSpec.Bind(Path.of("/data/hosts"), "/etc/hosts", false),
        new BundleSpec.Bind(Path.of("/srv"), "/srv", false)), null,
        new BundleSpec.Security(null, null, false), null, h, null);
    return OciSpec.build(s, HOST);
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Map<String, Object> m, String... keys) {
    Object o = m;
    for (String k : keys) {
      o = ((Map<String, Object>) o).get(k);
    }
    return (T) o;
  }

  private static Map<String, Object> mount(Map<String, Object> spec, String dest) {
    List<Map<String, Object>> mounts = at(spec, "mounts");
    return mounts.stream().filter(m -> m.get("destination").equals(dest)).findFirst().orElseThrow();
  }

  @Test
  void theDefaultsAreDockersFourteenCapabilities() {
    assertEquals(OciSpec.DEFAULT_CAPABILITIES, at(spec(Hardening.NONE), "process", "capabilities", "effective"));
  }

  @Test
  void capAddAndCapDropChangeEverySet() {
    Map<String, Object> spec = spec(with(false, List.of("net_admin", "CAP_SYS_TIME"), List.of("chown", "NET_RAW")));
    List<String> caps = at(spec, "process", "capabilities", "bounding");
    assertTrue(caps.containsAll(List.of("CAP_NET_ADMIN", "CAP_SYS_TIME")), caps.toString());
    assertFalse(caps.contains("CAP_CHOWN") || caps.contains("CAP_NET_RAW"), caps.toString());
    assertEquals(14, caps.size());
    assertEquals(caps, at(spec, "process", "capabilities", "effective"));
  }

  @Test
  void dropAllThenAddKeepsOnlyWhatIsAdded() {
    assertEquals(List.of("CAP_NET_BIND_SERVICE"),
        at(spec(with(false, List.of("NET_BIND_SERVICE"), List.of("all"))), "process", "capabilities", "permitted"));
  }

  @Test
  void anUnknownCapabilityIsDockersError() {
    EngineException e = assertThrows(EngineException.class, () -> spec(with(false, List.of("FLY"), List.of())));
    assertEquals("invalid CapAdd: unknown capability: \"CAP_FLY\"", e.getMessage());
  }

  @Test
  void privilegedHasEveryCapabilityEveryDeviceAndNoMaskedPaths() {
    Map<String, Object> spec = spec(with(true, List.of(), List.of()));
    assertEquals(Capabilities.all(), at(spec, "process", "capabilities", "effective"));
    assertTrue(Capabilities.all().size() > 30);
    assertEquals(List.of(Map.of("allow", true, "access", "rwm")), at(spec, "linux", "resources", "devices"));
    List<Map<String, Object>> devices = at(spec, "linux", "devices");
    assertTrue(devices.stream().anyMatch(d -> d.get("path").equals("/dev/null")), devices.toString());
    assertFalse(devices.stream().anyMatch(d -> d.get("path").toString().startsWith("/dev/pts/")));
    assertNull(at(spec, "linux", "maskedPaths"));
    assertNull(at(spec, "linux", "readonlyPaths"));
    assertFalse(((List<?>) mount(spec, "/sys").get("options")).contains("ro"));
    assertFalse(((List<?>) mount(spec, "/sys/fs/cgroup").get("options")).contains("ro"));
  }

  @Test
  void readOnlyRootTmpfsShmUlimitsAndSysctls() {
    Hardening h = new Hardening(false, null, null, true, Map.of("/tmp", "size=1m,exec"), 128L << 20,
        List.of(new Hardening.Ulimit("nofile", 1024, 2048), new Hardening.Ulimit("core", -1, -1)),
        Map.of("net.ipv4.ip_forward", "1"), null, null, null, null, null, null, null);
    Map<String, Object> spec = spec(h);
    assertEquals(true, at(spec, "root", "readonly"));
    assertTrue(((List<?>) mount(spec, "/etc/hosts").get("options")).contains("ro"), "Docker's /etc files are ro");
    assertFalse(((List<?>) mount(spec, "/srv").get("options")).contains("ro"), "a volume keeps its mode");
    assertEquals(List.of("nosuid", "nodev", "rprivate", "size=1m", "exec"), mount(spec, "/tmp").get("options"));
    assertEquals("tmpfs", mount(spec, "/tmp").get("type"));
    assertTrue(((List<?>) mount(spec, "/dev/shm").get("options")).contains("size=134217728"));
    assertFalse(((List<?>) mount(spec, "/dev/shm").get("options")).contains("size=67108864"));
    assertEquals(List.of(Map.of("type", "RLIMIT_NOFILE", "hard", 2048L, "soft", 1024L),
        Map.of("type", "RLIMIT_CORE", "hard", new BigInteger("18446744073709551615"),
            "soft", new BigInteger("18446744073709551615"))), at(spec, "process", "rlimits"));
    assertEquals(Map.of("net.ipv4.ip_forward", "1"), at(spec, "linux", "sysctl"));
  }

  @Test
  void aDeviceIsCreatedAndAllowedAndARuleIsAdded() {
    Hardening h = new Hardening(false, null, null, false, null, 0, null, null,
        List.of(new Hardening.Device("/dev/zero", "/dev/myzero", "r")), List.of("b *:* m"), List.of("10", "1234"),
        null, null, null, null);
    Map<String, Object> spec = spec(h);
    List<Map<String, Object>> devices = at(spec, "linux", "devices");
    assertEquals(1, devices.size());
    assertEquals("/dev/myzero", devices.get(0).get("path"));
    assertEquals("c", devices.get(0).get("type"));
    assertEquals(1L, devices.get(0).get("major"));
    assertEquals(5L, devices.get(0).get("minor"));
    List<Map<String, Object>> rules = at(spec, "linux", "resources", "devices");
    assertEquals(Map.of("allow", false, "access", "rwm"), rules.get(0), "deny all stays first");
    assertEquals(Map.of("allow", true, "type", "c", "major", 1L, "minor", 5L, "access", "r"), rules.get(rules.size() - 2));
    assertEquals(Map.of("allow", true, "type", "b", "access", "m"), rules.get(rules.size() - 1));
    assertEquals(List.of(0L, 10L, 1234L), at(spec, "process", "user", "additionalGids"), "the primary group first");
  }

  @Test
  void aMissingDeviceIsDockersError() {
    Hardening h = new Hardening(false, null, null, false, null, 0, null, null,
        List.of(new Hardening.Device("/dev/nope", "/dev/nope", "rwm")), null, null, null, null, null, null);
    EngineException e = assertThrows(EngineException.class, () -> spec(h));
    assertEquals("error gathering device information while adding custom device \"/dev/nope\": no such file or "
        + "directory", e.getMessage());
    Hardening file = new Hardening(false, null, null, false, null, 0, null, null,
        List.of(new Hardening.Device("/etc/hostname", "/x", "rwm")), null, null, null, null, null, null);
    assertTrue(assertThrows(EngineException.class, () -> spec(file)).getMessage().endsWith(": not a device node"));
  }

  @Test
  void systempathsUnconfinedMasksNothing() {
    Hardening h = new Hardening(false, null, null, false, null, 0, null, null, null, null, null, List.of(), List.of(),
        null, null);
    assertEquals(List.of(), at(spec(h), "linux", "maskedPaths"));
    assertEquals(OciSpec.MASKED_PATHS, at(spec(Hardening.NONE), "linux", "maskedPaths"));
  }
}
