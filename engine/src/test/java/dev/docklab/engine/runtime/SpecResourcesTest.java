package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Resources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecResourcesTest {
  private static final long MIB = 1024 * 1024;
  private static final HostFacts HOST = new HostFacts(1, true, 20000, "6.1", "Debian", null, null, true);

  private static BundleSpec bundle(Resources r, long memory) {
    return new BundleSpec(List.of("sh"), List.of(), "/", 0, 0, "h", false, Path.of("/tmp/rootfs"), "/docklab/x",
        memory, 1024, List.of(), null, new BundleSpec.Security(null, null, false), r, null, null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resources(Map<String, Object> spec) {
    return (Map<String, Object>) ((Map<String, Object>) spec.get("linux")).get("resources");
  }

  @Test
  void cpusIsAQuotaInAHundredMillisecondPeriodAsDockerSetsIt() {
    Resources.Builder b = Resources.builder();
    b.nanoCpus = 1_500_000_000L;
    b.cpuShares = 512;
    b.cpusetCpus = "0";
    b.cpusetMems = "0";
    Map<String, Object> res = resources(OciSpec.build(bundle(b.build(), 0), HOST));
    assertEquals(Map.of("shares", 512L, "quota", 150_000L, "period", 100_000L, "cpus", "0", "mems", "0"),
        res.get("cpu"));
  }

  @Test
  void quotaAndPeriodAndRealTimeGoAsGiven() {
    Resources.Builder b = Resources.builder();
    b.cpuQuota = 25_000;
    b.cpuPeriod = 50_000;
    b.cpuRealtimePeriod = 1_000_000;
    b.cpuRealtimeRuntime = 950;
    assertEquals(Map.of("quota", 25_000L, "period", 50_000L, "realtimeRuntime", 950L, "realtimePeriod", 1_000_000L),
        resources(OciSpec.build(bundle(b.build(), 0), HOST)).get("cpu"));
  }

  @Test
  void memorySettingsJoinTheLimit() {
    Resources.Builder b = Resources.builder();
    b.memoryReservation = 32 * MIB;
    b.memorySwap = 256 * MIB;
    b.memorySwappiness = 0L;
    b.oomKillDisable = true;
    assertEquals(Map.of("limit", 64 * MIB, "swap", 256 * MIB, "reservation", 32 * MIB, "swappiness", 0L,
        "disableOOMKiller", true), resources(OciSpec.build(bundle(b.build(), 64 * MIB), HOST)).get("memory"));
    assertEquals(Map.of("limit", 64 * MIB, "swap", 128 * MIB),
        resources(OciSpec.build(bundle(Resources.NONE, 64 * MIB), HOST)).get("memory"), "Docker's default swap");
    Resources.Builder unlimited = Resources.builder();
    unlimited.memorySwap = -1;
    assertEquals(Map.of("limit", 64 * MIB, "swap", -1L),
        resources(OciSpec.build(bundle(unlimited.build(), 64 * MIB), HOST)).get("memory"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void oomScoreAdjIsTheProcesses() {
    Resources.Builder b = Resources.builder();
    b.oomScoreAdj = 500;
    Map<String, Object> spec = OciSpec.build(bundle(b.build(), 0), HOST);
    assertEquals(500, ((Map<String, Object>) spec.get("process")).get("oomScoreAdj"));
    assertEquals(0, ((Map<String, Object>) OciSpec.build(bundle(Resources.NONE, 0), HOST).get("process"))
        .get("oomScoreAdj"), "Docker's 0");
  }

  @Test
  void blockIoNamesEachDeviceByItsNumbers() {
    Resources.Builder b = Resources.builder();
    b.blkioWeight = 300;
    b.blkioDeviceReadBps = List.of(new Resources.ThrottleDevice("/dev/null", 1048576));
    b.blkioDeviceWriteIOps = List.of(new Resources.ThrottleDevice("/dev/zero", 100));
    b.blkioWeightDevice = List.of(new Resources.WeightDevice("/dev/null", 200));
    Map<String, Object> io = (Map<String, Object>) resources(OciSpec.build(bundle(b.build(), 0), HOST)).get("blockIO");
    assertEquals(300, io.get("weight"));
    assertEquals(List.of(Map.of("major", 1L, "minor", 3L, "rate", 1048576L)), io.get("throttleReadBpsDevice"));
    assertEquals(List.of(Map.of("major", 1L, "minor", 5L, "rate", 100L)), io.get("throttleWriteIOPSDevice"));
    assertEquals(List.of(Map.of("major", 1L, "minor", 3L, "weight", 200)), io.get("weightDevice"));
    b.blkioDeviceReadBps = List.of(new Resources.ThrottleDevice("/dev/nosuch", 1));
    assertEquals("stat /dev/nosuch: no such file or directory", assertThrows(EngineException.class,
        () -> OciSpec.build(bundle(b.build(), 0), HOST)).getMessage());
  }
}
