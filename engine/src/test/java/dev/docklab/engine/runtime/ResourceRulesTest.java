package dev.docklab.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Resources;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ResourceRulesTest {
  private static final long MIB = 1024 * 1024;
  private static final CgroupSupport ALL = CgroupSupport.all(2);

  private static Resources with(Consumer<Resources.Builder> set) {
    Resources.Builder b = Resources.builder();
    set.accept(b);
    return b.build();
  }

  private static String refusal(Resources r, long memory) {
    return assertThrows(EngineException.class, () -> ResourceRules.check(r, memory, ALL, false)).getMessage();
  }

  @Test
  void refusesWhatDockersDaemonRefusesInItsWords() {
    assertEquals("Conflicting options: Nano CPUs and CPU Period cannot both be set",
        refusal(with(b -> { b.nanoCpus = 1_000_000_000; b.cpuPeriod = 50_000; }), 0));
    assertEquals("Conflicting options: Nano CPUs and CPU Quota cannot both be set",
        refusal(with(b -> { b.nanoCpus = 1_000_000_000; b.cpuQuota = 50_000; }), 0));
    assertEquals("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
        refusal(with(b -> b.nanoCpus = 3_000_000_000L), 0));
    assertEquals("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)",
        refusal(with(b -> b.cpuPeriod = 999), 0));
    assertEquals("CPU cfs quota can not be less than 1ms (i.e. 1000)", refusal(with(b -> b.cpuQuota = 500), 0));
    assertEquals("Minimum memoryswap limit should be larger than memory limit, see usage",
        refusal(with(b -> b.memorySwap = 10 * MIB), 20 * MIB));
    assertEquals("You should always set the Memory limit when using Memoryswap limit, see usage",
        refusal(with(b -> b.memorySwap = 10 * MIB), 0));
    assertEquals("Invalid value: 101, valid memory swappiness range is 0-100",
        refusal(with(b -> b.memorySwappiness = 101L), 0));
    assertEquals("Minimum memory reservation allowed is 6MB", refusal(with(b -> b.memoryReservation = MIB), 0));
    assertEquals("Minimum memory limit allowed is 6MB", refusal(with(b -> { }), 1024),
        "the daemon's own check, so a create through the API meets it too");
    assertEquals("Minimum memory limit can not be less than memory reservation limit, see usage",
        refusal(with(b -> b.memoryReservation = 64 * MIB), 32 * MIB));
    assertEquals("Range of blkio weight is from 10 to 1000", refusal(with(b -> b.blkioWeight = 5), 0));
    assertEquals("Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps",
        refusal(with(b -> b.ioMaximumIOps = 100), 0));
    assertEquals("Invalid value 1001, range for oom score adj is [-1000, 1000]",
        refusal(with(b -> b.oomScoreAdj = 1001), 0));
    assertEquals("Requested CPUs are not available - requested 0-3, available: 0-1",
        refusal(with(b -> b.cpusetCpus = "0-3"), 0));
    assertEquals("Invalid value 1-x for cpuset cpus: invalid format: 1-x", refusal(with(b -> b.cpusetCpus = "1-x"), 0));
    assertEquals("Requested memory nodes are not available - requested 1, available: 0",
        refusal(with(b -> b.cpusetMems = "1"), 0));
    assertEquals("cpu real-time runtime cannot be higher than cpu real-time period",
        refusal(with(b -> { b.cpuRealtimePeriod = 1000; b.cpuRealtimeRuntime = 2000; }), 0));
  }

  @Test
  void cgroupV2RefusesRealTimeAndDiscardsTheOomSwitchAndSwappiness() {
    CgroupSupport v2 = new CgroupSupport(true, true, true, false, true, "0-1", "0", true, false, true, true, true, 2);
    EngineException e = assertThrows(EngineException.class,
        () -> ResourceRules.check(with(b -> b.cpuRealtimeRuntime = 950), 0, v2, false));
    assertEquals("Your kernel does not support cgroup cpu real-time runtime", e.getMessage());
    ResourceRules.Checked oom = ResourceRules.check(with(b -> { b.oomKillDisable = true; b.memorySwappiness = 0L; }),
        64 * MIB, v2, false);
    assertEquals(List.of("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. "
        + "Memory swappiness discarded.", "Your kernel does not support OomKillDisable. OomKillDisable discarded."),
        oom.warnings());
    assertEquals(false, oom.resources().oomKillDisable());
  }

  @Test
  void discardsWithDockersWarnings() {
    ResourceRules.Checked c = ResourceRules.check(with(b -> { b.kernelMemory = 64 * MIB; b.cpuPercent = 50;
        b.oomKillDisable = true; }), 0, ALL, false);
    assertEquals(List.of("Your kernel does not support kernel memory limit capabilities or the cgroup is not mounted. "
        + "Limitation discarded.", "OOM killer is disabled for the container, but no memory limit is set, this can "
        + "result in the system running out of resources.", "linux does not support CPU percent. Percent discarded."),
        c.warnings());
    assertEquals(0, c.resources().kernelMemory());
    assertEquals(0, c.resources().cpuPercent());
    CgroupSupport noWeight = new CgroupSupport(false, true, true, true, true, "0-1", "0", true, true, false, false,
        true, 2);
    ResourceRules.Checked w = ResourceRules.check(with(b -> b.blkioWeight = 300), 0, noWeight, false);
    assertEquals(List.of("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight "
        + "discarded."), w.warnings());
    assertEquals(0, w.resources().blkioWeight());
  }

  @Test
  void keepsWhatTheHostHonours() {
    Resources r = with(b -> { b.nanoCpus = 1_500_000_000L; b.cpuShares = 512; b.cpusetCpus = "1";
        b.memoryReservation = 32 * MIB; b.memorySwap = -1; b.memorySwappiness = 10L; b.blkioWeight = 300; });
    ResourceRules.Checked c = ResourceRules.check(r, 64 * MIB, ALL, false);
    assertEquals(r, c.resources());
    assertTrue(c.warnings().isEmpty());
    assertEquals(0, ResourceRules.check(with(b -> b.memorySwap = 10 * MIB), 0, ALL, true).warnings().size(),
        "docker update may raise swap alone");
  }
}
