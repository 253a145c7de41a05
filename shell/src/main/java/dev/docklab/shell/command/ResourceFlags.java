package dev.docklab.shell.command;

import dev.docklab.engine.api.Resources;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker run}'s CPU, memory and block-I/O flags ({@code --cpus}, {@code --cpu-shares}, {@code --memory-swap}...). */
final class ResourceFlags {
  private static final Pattern RAM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtTpP]?)[iI]?[bB]?");

  private ResourceFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of(
        Option.value("cpus", '\0', "decimal", "opt.run.cpus"),
        Option.value("cpu-shares", 'c', "int", "opt.run.cpu-shares"),
        Option.value("cpu-period", '\0', "int", "opt.run.cpu-period"),
        Option.value("cpu-quota", '\0', "int", "opt.run.cpu-quota"),
        Option.value("cpuset-cpus", '\0', "string", "opt.run.cpuset-cpus"),
        Option.value("cpuset-mems", '\0', "string", "opt.run.cpuset-mems"),
        Option.value("cpu-rt-period", '\0', "int", "opt.run.cpu-rt-period"),
        Option.value("cpu-rt-runtime", '\0', "int", "opt.run.cpu-rt-runtime"),
        Option.value("memory-reservation", '\0', "bytes", "opt.run.memory-reservation"),
        Option.value("memory-swap", '\0', "bytes", "opt.run.memory-swap"),
        Option.value("memory-swappiness", '\0', "int", "opt.run.memory-swappiness"),
        Option.bool("oom-kill-disable", '\0', "opt.run.oom-kill-disable"),
        Option.value("oom-score-adj", '\0', "int", "opt.run.oom-score-adj"),
        Option.value("blkio-weight", '\0', "uint16", "opt.run.blkio-weight"),
        Option.value("blkio-weight-device", '\0', "list", "opt.run.blkio-weight-device"),
        Option.value("device-read-bps", '\0', "list", "opt.run.device-read-bps"),
        Option.value("device-write-bps", '\0', "list", "opt.run.device-write-bps"),
        Option.value("device-read-iops", '\0', "list", "opt.run.device-read-iops"),
        Option.value("device-write-iops", '\0', "list", "opt.run.device-write-iops"),
        Option.value("cgroup-parent", '\0', "string", "opt.run.cgroup-parent"),
        Option.value("cpu-count", '\0', "int", "opt.run.cpu-count"),
        Option.value("cpu-percent", '\0', "int", "opt.run.cpu-percent"),
        Option.value("io-maxbandwidth", '\0', "bytes", "opt.run.io-maxbandwidth"),
        Option.value("io-maxiops", '\0', "uint", "opt.run.io-maxiops"),
        Option.value("kernel-memory", '\0', "bytes", "opt.run.kernel-memory"));
  }

  /**
   * The docker CLI's answer to a Windows-only flag ({@code --cpu-count}, {@code --cpu-percent},
   * {@code --io-maxbandwidth}, {@code --io-maxiops}) for a daemon on Linux, or null when none is given.
   */
  static String windowsOnly(Args args) {
    for (String flag : List.of("cpu-count", "cpu-percent", "io-maxbandwidth", "io-maxiops")) {
      if (args.value(flag, null) != null) {
        return "\"--" + flag + "\" is only supported on a Docker daemon running on windows, but the Docker daemon "
            + "is running on linux";
      }
    }
    return null;
  }

  /** What the options given ask for; a {@link UsageException} in the docker CLI's words for a bad value. */
  static Resources read(Args args, Session s) {
    String cmd = args.command();
    Resources.Builder b = Resources.builder();
    b.nanoCpus = nanoCpus(cmd, args.value("cpus", null));
    b.cpuShares = int64(cmd, args, "cpu-shares", "-c, --cpu-shares");
    b.cpuPeriod = int64(cmd, args, "cpu-period", null);
    b.cpuQuota = int64(cmd, args, "cpu-quota", null);
    b.cpusetCpus = args.value("cpuset-cpus", "");
    b.cpusetMems = args.value("cpuset-mems", "");
    b.cpuRealtimePeriod = int64(cmd, args, "cpu-rt-period", null);
    b.cpuRealtimeRuntime = int64(cmd, args, "cpu-rt-runtime", null);
    b.memoryReservation = bytes(cmd, args, "memory-reservation", false);
    b.memorySwap = bytes(cmd, args, "memory-swap", true);
    b.memorySwappiness = args.value("memory-swappiness", null) == null ? null
        : int64(cmd, args, "memory-swappiness", null);
    if (b.memorySwappiness != null && b.memorySwappiness == -1) {
      b.memorySwappiness = null; // -1, the flag's default: not given
    }
    b.oomKillDisable = args.has("oom-kill-disable");
    b.oomScoreAdj = (int) int64(cmd, args, "oom-score-adj", null);
    b.blkioWeight = (int) uint(cmd, args.value("blkio-weight", null), "--blkio-weight", 0xffff);
    b.blkioWeightDevice = list(args.values("blkio-weight-device"), v -> weightDevice(cmd, v));
    b.blkioDeviceReadBps = list(args.values("device-read-bps"), v -> rate(cmd, v, "--device-read-bps", true));
    b.blkioDeviceWriteBps = list(args.values("device-write-bps"), v -> rate(cmd, v, "--device-write-bps", true));
    b.blkioDeviceReadIOps = list(args.values("device-read-iops"), v -> rate(cmd, v, "--device-read-iops", false));
    b.blkioDeviceWriteIOps = list(args.values("device-write-iops"), v -> rate(cmd, v, "--device-write-iops", false));
    b.cgroupParent = args.value("cgroup-parent", "");
    b.cpuCount = int64(cmd, args, "cpu-count", null);
    b.cpuPercent = int64(cmd, args, "cpu-percent", null);
    b.ioMaximumBandwidth = bytes(cmd, args, "io-maxbandwidth", false);
    b.ioMaximumIOps = uint(cmd, args.value("io-maxiops", null), "--io-maxiops", Long.MAX_VALUE);
    b.kernelMemory = bytes(cmd, args, "kernel-memory", false);
    return b.build();
  }

  /** {@code --cpus 1.5}: billionths of a CPU, as the docker CLI's NanoCPUs reads it. */
  static long nanoCpus(String cmd, String v) {
    if (v == null) {
      return 0;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw bad(cmd, v, "--cpus", "failed to parse " + v + " as a rational number");
    }
    BigDecimal nano = d.movePointRight(9);
    if (nano.stripTrailingZeros().scale() > 0) {
      throw bad(cmd, v, "--cpus", "value is too precise");
    }
    return nano.longValue();
  }

  /** An int64 flag, checked as pflag checks it. */
  static long int64(String cmd, Args args, String name, String shown) {
    String v = args.value(name, null);
    if (v == null) {
      return 0;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      boolean range = v.matches("[+-]?\\d+");
      throw bad(cmd, v, shown == null ? "--" + name : shown, "strconv.ParseInt: parsing \"" + v + "\": "
          + (range ? "value out of range" : "invalid syntax"));
    }
  }

  private static long uint(String cmd, String v, String flag, long max) {
    if (v == null) {
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      if (n > max) {
        throw bad(cmd, v, flag, "strconv.ParseUint: parsing \"" + v + "\": value out of range");
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(cmd, v, flag, "strconv.ParseUint: parsing \"" + v + "\": invalid syntax");
    }
  }

  /** A bytes flag ({@code 512m}); {@code -1} too where it means unlimited ({@code --memory-swap}). */
  static long bytes(String cmd, Args args, String name, boolean minusOne) {
    String v = args.value(name, null);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    if (minusOne && v.trim().equals("-1")) {
      return -1;
    }
    long n = ram(v);
    if (n < 0) {
      throw bad(cmd, v, "--" + name, "invalid size: '" + v + "'");
    }
    return n;
  }

  /** Docker's RAMInBytes (k = 1024), or -1 when {@code v} is not a size. */
  static long ram(String v) {
    Matcher m = RAM.matcher(v.trim());
    if (!m.matches()) {
      return -1;
    }
    int power = m.group(2).isEmpty() ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase()) + 1;
    return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
  }

  /** {@code --blkio-weight-device /dev/sda:200}, as the docker CLI's ValidateWeightDevice. */
  static Resources.WeightDevice weightDevice(String cmd, String v) {
    String flag = "--blkio-weight-device";
    int colon = v.lastIndexOf(':');
    if (colon <= 0) {
      throw bad(cmd, v, flag, "bad format: " + v);
    }
    String path = v.substring(0, colon);
    if (!path.startsWith("/dev/")) {
      throw bad(cmd, v, flag, "bad format for device path: " + v);
    }
    int weight;
    try {
      weight = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw bad(cmd, v, flag, "invalid weight for device: " + v);
    }
    if (weight < 0 || weight > 0xffff || (weight > 0 && (weight < 10 || weight > 1000))) {
      throw bad(cmd, v, flag, "invalid weight for device: " + v);
    }
    return new Resources.WeightDevice(path, weight);
  }

  /** {@code --device-read-bps /dev/sda:1mb} (bytes) or {@code --device-read-iops /dev/sda:100}. */
  static Resources.ThrottleDevice rate(String cmd, String v, String flag, boolean bytes) {
    int colon = v.lastIndexOf(':');
    if (colon <= 0) {
      throw bad(cmd, v, flag, "bad format: " + v);
    }
    String path = v.substring(0, colon);
    if (!path.startsWith("/dev/")) {
      throw bad(cmd, v, flag, "bad format for device path: " + v);
    }
    String text = v.substring(colon + 1);
    long rate = bytes ? ram(text) : text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    if (rate < 0) {
      throw bad(cmd, v, flag, "invalid rate for device: " + v + ". The correct format is <device-path>:<number>"
          + (bytes ? "[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb"
              : ". Number must be a positive integer"));
    }
    return new Resources.ThrottleDevice(path, rate);
  }

  private static <T> List<T> list(List<String> values, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    values.forEach(v -> out.add(parse.apply(v)));
    return out;
  }

  private static UsageException bad(String cmd, String value, String flag, String why) {
    return new UsageException(cmd, "invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why);
  }
}
