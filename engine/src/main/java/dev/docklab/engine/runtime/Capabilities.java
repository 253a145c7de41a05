package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A container's capabilities as Docker's daemon works them out: the 14 defaults, less {@code --cap-drop},
 * plus {@code --cap-add}; {@code ALL} on either side; every capability for {@code --privileged}. Names are
 * taken with or without {@code CAP_}, in any case.
 */
public final class Capabilities {
  /** {@code --cap-add ALL}, {@code --cap-drop ALL}. */
  public static final String ALL = "ALL";
  /** Linux's capabilities by number, as the kernel's headers list them. */
  static final List<String> KNOWN = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
      "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
      "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
      "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
      "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
      "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
      "CAP_CHECKPOINT_RESTORE");

  private Capabilities() {}

  /** The capabilities this kernel has ({@code /proc/sys/kernel/cap_last_cap}), by name. */
  public static List<String> kernel() {
    int last = KNOWN.size() - 1;
    try {
      last = Math.min(last, Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/cap_last_cap")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      // an older or unusual kernel: every name docklab knows
    }
    return KNOWN.subList(0, last + 1);
  }

  /**
   * Every capability a container here may get ({@code --privileged}, {@code --cap-add ALL}): the kernel's,
   * within the bounding set of the engine itself, since the runtime cannot give more than it holds.
   */
  public static List<String> all() {
    BigInteger bounding = null;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapBnd:")) {
          bounding = new BigInteger(line.substring(7).trim(), 16);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown: the kernel's list
    }
    List<String> out = new ArrayList<>();
    List<String> kernel = kernel();
    for (int i = 0; i < kernel.size(); i++) {
      if (bounding == null || bounding.testBit(i)) {
        out.add(kernel.get(i));
      }
    }
    return out;
  }

  /**
   * {@code caps} as {@code CAP_} names (or {@code ALL}); Docker's daemon error for a name the kernel does not
   * have, {@code field} naming the list ({@code CapAdd}).
   */
  public static List<String> normalize(List<String> caps, String field) {
    List<String> out = new ArrayList<>();
    List<String> valid = kernel();
    for (String c : caps) {
      String name = c.strip().toUpperCase(Locale.ROOT);
      if (!name.equals(ALL) && !name.startsWith("CAP_")) {
        name = "CAP_" + name;
      }
      if (!name.equals(ALL) && !valid.contains(name)) {
        throw EngineException.invalid("invalid " + field + ": unknown capability: \"" + name + "\"");
      }
      out.add(name);
    }
    return out;
  }

  /** The capabilities a container with {@code h} runs with, in Docker's order. */
  public static List<String> effective(Hardening h) {
    if (h.privileged()) {
      return all();
    }
    if (h.capAdd().isEmpty() && h.capDrop().isEmpty()) {
      return OciSpec.DEFAULT_CAPABILITIES;
    }
    List<String> add = normalize(h.capAdd(), "CapAdd");
    List<String> drop = normalize(h.capDrop(), "CapDrop");
    Set<String> caps = new LinkedHashSet<>();
    if (add.contains(ALL)) {
      all().stream().filter(c -> !drop.contains(c)).forEach(caps::add);
    } else if (drop.contains(ALL)) {
      caps.addAll(add);
    } else {
      OciSpec.DEFAULT_CAPABILITIES.stream().filter(c -> !drop.contains(c)).forEach(caps::add);
      caps.addAll(add);
    }
    return List.copyOf(caps);
  }
}
