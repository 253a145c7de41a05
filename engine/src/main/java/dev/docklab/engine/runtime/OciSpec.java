package dev.docklab.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OCI runtime spec with Docker's defaults: namespaces pid, mount, uts, ipc, network
 * (and cgroup on cgroup v2); /proc, /dev, /dev/pts, /dev/shm, /dev/mqueue, /sys (ro) and
 * /sys/fs/cgroup (ro); Docker's 14 default capabilities; its masked and read-only /proc paths; its
 * device rules; an open-files limit never above the host's hard limit; with a memory limit, swap
 * bounded as Docker bounds it; and the seccomp filter, AppArmor profile and no_new_privs bit the
 * container's security options ask for.
 */
public final class OciSpec {
  /** The capabilities Docker grants a container by default. */
  public static final List<String> DEFAULT_CAPABILITIES = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
  /** The /proc and /sys paths Docker masks in a container. */
  public static final List<String> MASKED_PATHS = List.of(
      "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
      "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
      "/sys/devices/virtual/powercap");
  /** The /proc paths Docker makes read-only in a container. */
  public static final List<String> READONLY_PATHS = List.of(
      "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
  private static final long DEFAULT_NOFILE = 1048576;

  private OciSpec() {}

  /** The spec as a JSON-ready map. */
  public static Map<String, Object> build(BundleSpec s, HostFacts host) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ociVersion", "1.0.2");
    spec.put("process", process(s, host));
    spec.put("root", Map.of("path", s.rootfs().toString(), "readonly", false));
    spec.put("hostname", s.hostname());
    spec.put("mounts", mounts(s, host));
    spec.put("linux", linux(s, host));
    SpecResources.apply(spec, s, host);
    SpecHardening.apply(spec, s, host);
    SpecNamespaces.apply(spec, s, host);
    return spec;
  }

  private static Map<String, Object> process(BundleSpec s, HostFacts host) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("terminal", s.terminal());
    p.put("user", Map.of("uid", s.uid(), "gid", s.gid()));
    p.put("args", s.args());
    p.put("env", s.env());
    p.put("cwd", s.cwd());
    Map<String, Object> caps = new LinkedHashMap<>();
    for (String set : List.of("bounding", "effective", "permitted")) {
      caps.put(set, DEFAULT_CAPABILITIES);
    }
    p.put("capabilities", caps);
    long nofile = Math.min(DEFAULT_NOFILE, host.nofileHardLimit());
    p.put("rlimits", List.of(Map.of("type", "RLIMIT_NOFILE", "hard", nofile, "soft", nofile)));
    p.put("noNewPrivileges", s.security().noNewPrivileges());
    if (s.security().appArmorProfile() != null) {
      p.put("apparmorProfile", s.security().appArmorProfile());
    }
    p.put("oomScoreAdj", 0);
    return p;
  }

  private static List<Map<String, Object>> mounts(BundleSpec s, HostFacts host) {
    List<Map<String, Object>> m = new ArrayList<>();
    m.add(mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
    m.add(mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
    m.add(mount("/dev/pts", "devpts", "devpts",
        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")));
    m.add(mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")));
    m.add(mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")));
    m.add(mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
    m.add(mount("/dev/shm", "shm", "tmpfs", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=67108864")));
    for (BundleSpec.Bind b : s.binds()) {
      List<String> opts = new ArrayList<>(List.of("rbind", "rprivate"));
      if (b.readOnly()) {
        opts.add("ro");
      }
      m.add(mount(b.destination(), b.source().toString(), "bind", opts));
    }
    return m;
  }

  private static Map<String, Object> mount(String dest, String source, String type, List<String> options) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("destination", dest);
    m.put("type", type);
    m.put("source", source);
    m.put("options", options);
    return m;
  }

  private static Map<String, Object> linux(BundleSpec s, HostFacts host) {
    Map<String, Object> l = new LinkedHashMap<>();
    List<Map<String, Object>> ns = new ArrayList<>();
    for (String type : List.of("pid", "network", "ipc", "uts", "mount")) {
      if (!type.equals("network") || s.networkNamespace() == null) {
        ns.add(Map.of("type", type));
      } else if (!s.networkNamespace().equals(BundleSpec.HOST_NETWORK)) {
        ns.add(Map.of("type", type, "path", s.networkNamespace()));
      }
    }
    if (host.cgroupVersion() == 2) {
      ns.add(Map.of("type", "cgroup"));
    }
    l.put("namespaces", ns);
    l.put("cgroupsPath", s.cgroupsPath());
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("devices", deviceRules());
    if (s.memoryBytes() > 0) {
      // Docker's default swap: as much again as the memory limit (memory + swap = twice the limit)
      res.put("memory", host.swapLimit() ? Map.of("limit", s.memoryBytes(), "swap", 2 * s.memoryBytes())
          : Map.of("limit", s.memoryBytes()));
    }
    if (s.pidsLimit() > 0) {
      res.put("pids", Map.of("limit", s.pidsLimit()));
    }
    l.put("resources", res);
    l.put("maskedPaths", MASKED_PATHS);
    l.put("readonlyPaths", READONLY_PATHS);
    if (s.security().seccomp() != null) {
      l.put("seccomp", s.security().seccomp());
    }
    return l;
  }

  /** Docker's default device cgroup rules: deny all, then the usual character devices. */
  static List<Map<String, Object>> deviceRules() {
    List<Map<String, Object>> d = new ArrayList<>();
    d.add(Map.of("allow", false, "access", "rwm"));
    d.add(dev("c", null, null, "m"));
    d.add(dev("b", null, null, "m"));
    int[][] chars = {{1, 3}, {1, 8}, {1, 7}, {5, 0}, {1, 5}, {1, 9}, {5, 1}, {136, -1}, {5, 2}, {10, 200}};
    for (int[] c : chars) {
      d.add(dev("c", c[0], c[1] < 0 ? null : c[1], "rwm"));
    }
    return d;
  }

  private static Map<String, Object> dev(String type, Integer major, Integer minor, String access) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allow", true);
    m.put("type", type);
    if (major != null) {
      m.put("major", major);
    }
    if (minor != null) {
      m.put("minor", minor);
    }
    m.put("access", access);
    return m;
  }
}
