package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.api.MemorySize;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.render.Wrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code docker run}'s flags for capabilities, {@code --privileged}, the root's mounts, ulimits, sysctls and devices. */
final class HardeningFlags {
  /** The names {@code --ulimit} takes, as Docker's go-units. */
  private static final Set<String> ULIMITS = Set.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
      "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
  /** The sysctls the docker client lets through besides {@code net.*} and {@code fs.mqueue.*}. */
  private static final Set<String> SYSCTLS = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
      "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");
  private static final Pattern CGROUP_RULE = Pattern.compile("^[acb] ([0-9]+|\\*):([0-9]+|\\*) [rwm]{1,3}$");

  private HardeningFlags() {}

  /** The options, as {@code docker run --help} lists them. */
  static List<Option> options() {
    return List.of(
        Option.value("cap-add", '\0', "list", "opt.run.cap-add"),
        Option.value("cap-drop", '\0', "list", "opt.run.cap-drop"),
        Option.bool("read-only", '\0', "opt.run.read-only"),
        Option.value("tmpfs", '\0', "list", "opt.run.tmpfs"),
        Option.value("shm-size", '\0', "bytes", "opt.run.shm-size"),
        Option.value("ulimit", '\0', "ulimit", "opt.run.ulimit"),
        Option.value("sysctl", '\0', "map", "opt.run.sysctl"),
        Option.value("device", '\0', "list", "opt.run.device"),
        Option.value("device-cgroup-rule", '\0', "list", "opt.run.device-cgroup-rule"),
        Option.value("group-add", '\0', "list", "opt.run.group-add"),
        Option.value("userns", '\0', "string", "opt.run.userns"),
        Option.value("storage-opt", '\0', "list", "opt.run.storage-opt"));
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Hardening read(Args args, Session s) {
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (String t : args.values("tmpfs")) {
      int colon = t.indexOf(':');
      tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
    }
    for (String m : args.values("mount")) {
      Map.Entry<String, String> t = VolumeSpec.tmpfsMount(m); // --mount type=tmpfs,dst=PATH: the same mount
      if (t != null) {
        tmpfs.put(t.getKey(), t.getValue());
      }
    }
    long shm = 0;
    String shmText = args.value("shm-size", null);
    if (shmText != null) {
      try {
        shm = MemorySize.parse(shmText);
      } catch (EngineException e) {
        throw flag(args, shmText, "shm-size", "invalid size: '" + shmText + "'");
      }
    }
    Map<String, Hardening.Ulimit> ulimits = new LinkedHashMap<>();
    for (String u : args.values("ulimit")) {
      Hardening.Ulimit parsed = ulimit(args, u);
      ulimits.remove(parsed.name());
      ulimits.put(parsed.name(), parsed);
    }
    Map<String, String> sysctls = new LinkedHashMap<>();
    for (String kv : args.values("sysctl")) {
      sysctls.put(kv.substring(0, kv.indexOf('=') < 0 ? kv.length() : kv.indexOf('=')), sysctl(args, kv));
    }
    List<Hardening.Device> devices = new ArrayList<>();
    for (String d : args.values("device")) {
      devices.add(device(d));
    }
    for (String rule : args.values("device-cgroup-rule")) {
      if (!CGROUP_RULE.matcher(rule).matches()) {
        throw flag(args, rule, "device-cgroup-rule", "invalid device cgroup format '" + rule + "'");
      }
    }
    String userns = args.value("userns", "");
    if (!userns.isEmpty() && !userns.equals("host")) {
      throw EngineException.invalid("--userns: invalid USER mode");
    }
    Map<String, String> storage = new LinkedHashMap<>();
    for (String o : args.values("storage-opt")) {
      int eq = o.indexOf('=');
      if (eq < 0) {
        throw EngineException.invalid("invalid storage option");
      }
      storage.put(o.substring(0, eq), o.substring(eq + 1));
    }
    List<String> systemPaths = args.values("security-opt").contains("systempaths=unconfined") ? List.of() : null;
    boolean privileged = args.has("privileged");
    if (privileged) {
      Wrap.lines(s.msg("run.privileged-warning"), "", "  ", s.width()).forEach(s.err()::println);
    }
    List<List<String>> caps = capabilities(args.values("cap-add"), args.values("cap-drop"));
    return new Hardening(privileged, caps.get(0), caps.get(1), args.has("read-only"), tmpfs,
        shm, new ArrayList<>(ulimits.values()), sysctls, devices, args.values("device-cgroup-rule"),
        args.values("group-add"), systemPaths, systemPaths, userns, storage);
  }

  /**
   * {@code --cap-add} and {@code --cap-drop} as the docker client sends them: {@code CAP_} names in upper case,
   * sorted, without duplicates; {@code ALL} standing alone; a capability both added and dropped only added.
   */
  static List<List<String>> capabilities(List<String> add, List<String> drop) {
    TreeSet<String> adds = normalized(add);
    TreeSet<String> drops = normalized(drop);
    drops.removeAll(adds);
    return List.of(List.copyOf(adds), List.copyOf(drops));
  }

  private static TreeSet<String> normalized(List<String> caps) {
    TreeSet<String> out = new TreeSet<>();
    for (String c : caps) {
      String name = c.strip().toUpperCase(Locale.ROOT);
      out.add(name.equals("ALL") || name.startsWith("CAP_") ? name : "CAP_" + name);
    }
    return out.contains("ALL") ? new TreeSet<>(Set.of("ALL")) : out;
  }

  /** {@code NAME=SOFT[:HARD]}, checked as Docker's go-units {@code ParseUlimit}. */
  static Hardening.Ulimit ulimit(Args args, String value) {
    int eq = value.indexOf('=');
    if (eq < 0) {
      throw flag(args, value, "ulimit", "invalid ulimit argument: " + value);
    }
    String name = value.substring(0, eq);
    if (!ULIMITS.contains(name)) {
      throw flag(args, value, "ulimit", "invalid ulimit type: " + name);
    }
    String[] limits = value.substring(eq + 1).split(":", -1);
    if (limits.length > 2) {
      throw flag(args, value, "ulimit", "too many limit value arguments - " + value.substring(eq + 1)
          + ", can only have up to two, `soft[:hard]`");
    }
    long hard = limits.length == 2 ? parseInt(args, value, limits[1]) : 0;
    long soft = parseInt(args, value, limits[0]);
    hard = limits.length == 2 ? hard : soft;
    if (hard != -1 && soft > hard) {
      throw flag(args, value, "ulimit", "ulimit soft limit must be less than or equal to hard limit: " + soft
          + " > " + hard);
    }
    return new Hardening.Ulimit(name, soft, hard);
  }

  private static long parseInt(Args args, String value, String number) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw flag(args, value, "ulimit", "strconv.ParseInt: parsing \"" + number + "\": invalid syntax");
    }
  }

  /** The value of {@code KEY=VALUE} when the docker client lets the key through (its {@code ValidateSysctl}). */
  static String sysctl(Args args, String kv) {
    String[] parts = kv.split("=", -1);
    if (parts.length >= 2 && (SYSCTLS.contains(parts[0]) || parts[0].startsWith("net.")
        || parts[0].startsWith("fs.mqueue."))) {
      return kv.substring(parts[0].length() + 1);
    }
    throw flag(args, kv, "sysctl", "sysctl '" + kv + "' is not allowed");
  }

  /** {@code HOST[:CONTAINER][:PERMS]}, checked and read as the docker client does for a Linux daemon. */
  static Hardening.Device device(String value) {
    String[] split = value.split(":", -1);
    if (split.length > 3 || split[0].isEmpty()) {
      throw EngineException.invalid("bad format for path: " + value);
    }
    String inside = split[0];
    String perms = "rwm";
    if (split.length == 2) {
      if (validMode(split[1])) {
        perms = split[1];
      } else {
        inside = split[1];
      }
    } else if (split.length == 3) {
      if (!validMode(split[2])) {
        throw EngineException.invalid("bad mode specified: " + split[2]);
      }
      inside = split[1];
      perms = split[2];
    }
    if (!inside.startsWith("/")) {
      throw EngineException.invalid(inside + " is not an absolute path");
    }
    return new Hardening.Device(split[0], inside, perms);
  }

  /** r, w and m, each at most once. */
  private static boolean validMode(String mode) {
    return !mode.isEmpty() && mode.length() <= 3 && mode.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')
        && mode.chars().distinct().count() == mode.length();
  }

  private static UsageException flag(Args args, String value, String name, String why) {
    return new UsageException(args.command(), "invalid argument \"" + value + "\" for \"--" + name + "\" flag: "
        + why);
  }
}
