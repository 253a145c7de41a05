package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.Resources;
import dev.docklab.engine.api.UpdateRequest;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import dev.docklab.shell.cli.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceFlagsTest {
  private static final long MIB = 1024 * 1024;

  private static Resources read(String... argv) {
    Args args = FlagParser.parse("docker run", ResourceFlags.options(), false, List.of(argv));
    return ResourceFlags.read(args, null);
  }

  @Test
  void readsEveryFlagAsTheDockerCliSendsIt() {
    Resources r = read("--cpus", "1.5", "-c", "512", "--cpuset-cpus", "0-1", "--cpuset-mems", "0",
        "--memory-reservation", "32m", "--memory-swap", "-1", "--memory-swappiness", "10", "--oom-kill-disable",
        "--oom-score-adj", "-500", "--blkio-weight", "300", "--blkio-weight-device", "/dev/vda:200",
        "--device-read-bps", "/dev/vda:1mb", "--device-write-iops", "/dev/vda:100", "--cgroup-parent", "/lab",
        "--cpu-rt-period", "1000000", "--cpu-rt-runtime", "950", "--cpu-count", "2", "busybox");
    assertEquals(1_500_000_000L, r.nanoCpus());
    assertEquals(512, r.cpuShares());
    assertEquals("0-1", r.cpusetCpus());
    assertEquals("0", r.cpusetMems());
    assertEquals(32 * MIB, r.memoryReservation());
    assertEquals(-1, r.memorySwap());
    assertEquals(10L, r.memorySwappiness());
    assertEquals(true, r.oomKillDisable());
    assertEquals(-500, r.oomScoreAdj());
    assertEquals(300, r.blkioWeight());
    assertEquals(List.of(new Resources.WeightDevice("/dev/vda", 200)), r.blkioWeightDevice());
    assertEquals(List.of(new Resources.ThrottleDevice("/dev/vda", MIB)), r.blkioDeviceReadBps());
    assertEquals(List.of(new Resources.ThrottleDevice("/dev/vda", 100)), r.blkioDeviceWriteIOps());
    assertEquals("/lab", r.cgroupParent());
    assertEquals(1_000_000, r.cpuRealtimePeriod());
    assertEquals(950, r.cpuRealtimeRuntime());
    assertEquals(2, r.cpuCount());
    assertEquals(Resources.NONE, read("busybox"));
    assertNull(read("--memory-swappiness", "-1", "busybox").memorySwappiness(), "-1 is the flag's default");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--cpus|abc|invalid argument \"abc\" for \"--cpus\" flag: failed to parse abc as a rational number",
      "--cpus|0.0000000001|invalid argument \"0.0000000001\" for \"--cpus\" flag: value is too precise",
      "-c|x|invalid argument \"x\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
      "--cpu-quota|1.5|invalid argument \"1.5\" for \"--cpu-quota\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax",
      "--memory-swap|lots|invalid argument \"lots\" for \"--memory-swap\" flag: invalid size: 'lots'",
      "--blkio-weight|70000|invalid argument \"70000\" for \"--blkio-weight\" flag: strconv.ParseUint: parsing \"70000\": value out of range",
      "--blkio-weight-device|/dev/vda|invalid argument \"/dev/vda\" for \"--blkio-weight-device\" flag: bad format: /dev/vda",
      "--blkio-weight-device|vda:100|invalid argument \"vda:100\" for \"--blkio-weight-device\" flag: bad format for device path: vda:100",
      "--blkio-weight-device|/dev/vda:5|invalid argument \"/dev/vda:5\" for \"--blkio-weight-device\" flag: invalid weight for device: /dev/vda:5",
      "--device-read-iops|/dev/vda:fast|invalid argument \"/dev/vda:fast\" for \"--device-read-iops\" flag: invalid rate for device: /dev/vda:fast. The correct format is <device-path>:<number>. Number must be a positive integer",
      "--device-write-bps|/dev/vda:x|invalid argument \"/dev/vda:x\" for \"--device-write-bps\" flag: invalid rate for device: /dev/vda:x. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb",
      "--io-maxiops|-1|invalid argument \"-1\" for \"--io-maxiops\" flag: strconv.ParseUint: parsing \"-1\": invalid syntax"})
  void refusesBadValuesInTheDockerCliWords(String flag, String value, String message) {
    UsageException e = assertThrows(UsageException.class, () -> read(flag, value, "busybox"));
    assertEquals(message, e.getMessage());
    assertEquals("docker run", e.command());
  }

  @Test
  void updateTakesOnlyTheFlagsGiven() {
    Args args = FlagParser.parse("docker update", ResourceCommands.update().options(), true,
        List.of("--cpus", "0.5", "-m", "64m", "--restart", "on-failure:3", "web"));
    UpdateRequest u = ResourceCommands.request(args);
    assertEquals(500_000_000L, u.nanoCpus());
    assertEquals(64 * MIB, u.memory());
    assertEquals("on-failure", u.restartPolicy().name());
    assertEquals(3, u.restartPolicy().maximumRetryCount());
    assertNull(u.memorySwap());
    assertNull(u.cpuShares());
    assertEquals(true, ResourceCommands.request(FlagParser.parse("docker update", ResourceCommands.update().options(),
        true, List.of("web"))).empty());
  }
}
