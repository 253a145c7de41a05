package dev.docklab.engine.runtime;

import dev.docklab.engine.api.Hardening;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts a container's capabilities, privileged mode, the root's mounts, ulimits, sysctls and devices into its
 * OCI spec, over {@link OciSpec}'s defaults, as Docker's daemon does (moby's {@code oci_linux.go}).
 */
final class SpecHardening {
  /** The files the engine bind-mounts, read-only under {@code --read-only} as Docker mounts them. */
  private static final Set<String> ETC_FILES = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");

  /** RLIM_INFINITY, which {@code --ulimit NAME=-1} asks for: the spec's limits are unsigned 64-bit numbers. */
  private static final BigInteger UNLIMITED = new BigInteger("18446744073709551615");

  private SpecHardening() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.hardening()}. */
  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    Hardening h = s.hardening();
    Map<String, Object> process = (Map<String, Object>) spec.get("process");
    Map<String, Object> linux = (Map<String, Object>) spec.get("linux");
    Map<String, Object> resources = (Map<String, Object>) linux.get("resources");
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) spec.get("mounts");
    List<String> caps = Capabilities.effective(h);
    Map<String, Object> sets = new LinkedHashMap<>();
    for (String set : List.of("bounding", "effective", "permitted")) {
      sets.put(set, caps);
    }
    process.put("capabilities", sets);
    // As Docker: the primary group first, then the user's groups and --group-add
    List<Long> gids = new ArrayList<>(List.of((long) s.gid()));
    h.groupAdd().forEach(g -> gids.add(Long.parseLong(g)));
    Map<String, Object> user = new LinkedHashMap<>((Map<String, Object>) process.get("user"));
    user.put("additionalGids", gids);
    process.put("user", user);
    process.put("rlimits", rlimits((List<Map<String, Object>>) process.get("rlimits"), h));
    if (h.readOnlyRootfs()) {
      spec.put("root", Map.of("path", s.rootfs().toString(), "readonly", true));
    }
    for (Map<String, Object> m : mounts) {
      String dest = (String) m.get("destination");
      boolean etcFile = ETC_FILES.contains(dest) && "bind".equals(m.get("type"));
      if (h.privileged() && (dest.equals("/sys") || dest.equals("/sys/fs/cgroup"))) {
        m.put("options", without((List<String>) m.get("options"), "ro"));
      } else if (dest.equals("/dev/shm") && h.shmSize() > 0) {
        List<String> opts = without((List<String>) m.get("options"), "size=67108864");
        opts.add("size=" + h.shmSize());
        m.put("options", opts);
      } else if (etcFile && h.readOnlyRootfs()) {
        List<String> opts = new ArrayList<>((List<String>) m.get("options"));
        opts.add("ro");
        m.put("options", opts);
      }
    }
    for (Map.Entry<String, String> t : h.tmpfs().entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("destination", t.getKey());
      m.put("type", "tmpfs");
      m.put("source", "tmpfs");
      m.put("options", TmpfsOptions.merge(t.getValue()));
      mounts.add(m);
    }
    if (!h.sysctls().isEmpty()) {
      linux.put("sysctl", new LinkedHashMap<>(h.sysctls()));
    }
    devices(linux, resources, h);
    if (h.privileged()) {
      linux.remove("maskedPaths");
      linux.remove("readonlyPaths");
    } else {
      if (h.maskedPaths() != null) {
        linux.put("maskedPaths", h.maskedPaths());
      }
      if (h.readonlyPaths() != null) {
        linux.put("readonlyPaths", h.readonlyPaths());
      }
    }
  }

  /** The default open-files limit, with each {@code --ulimit} over the limit of its name. */
  private static List<Map<String, Object>> rlimits(List<Map<String, Object>> defaults, Hardening h) {
    Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
    for (Map<String, Object> r : defaults) {
      byType.put((String) r.get("type"), r);
    }
    for (Hardening.Ulimit u : h.ulimits()) {
      String type = "RLIMIT_" + u.name().toUpperCase(Locale.ROOT);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("type", type);
      r.put("hard", u.hard() < 0 ? UNLIMITED : u.hard());
      r.put("soft", u.soft() < 0 ? UNLIMITED : u.soft());
      byType.put(type, r);
    }
    return new ArrayList<>(byType.values());
  }

  /** {@code --device}, {@code --device-cgroup-rule} and a privileged container's every host device. */
  @SuppressWarnings("unchecked")
  private static void devices(Map<String, Object> linux, Map<String, Object> resources, Hardening h) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> rules = new ArrayList<>((List<Map<String, Object>>) resources.get("devices"));
    if (h.privileged()) {
      DeviceNodes.host().forEach(n -> nodes.add(n.device()));
      for (Hardening.Device d : h.devices()) {
        if (!d.pathOnHost().equals(d.pathInContainer())) {
          DeviceNodes.of(new Hardening.Device(d.pathOnHost(), d.pathInContainer(), "rwm"))
              .forEach(n -> nodes.add(n.device()));
        }
      }
      rules = new ArrayList<>(List.of(Map.of("allow", true, "access", "rwm")));
    } else {
      for (Hardening.Device d : h.devices()) {
        for (DeviceNodes.Node n : DeviceNodes.of(d)) {
          nodes.add(n.device());
          rules.add(n.rule());
        }
      }
      for (String rule : h.deviceCgroupRules()) {
        String[] f = rule.split("[ :]");
        rules.add(DeviceNodes.rule(f[0], f[1].equals("*") ? -1 : Long.parseLong(f[1]),
            f[2].equals("*") ? -1 : Long.parseLong(f[2]), f[3]));
      }
    }
    if (!nodes.isEmpty()) {
      linux.put("devices", nodes);
    }
    resources.put("devices", rules);
  }

  private static List<String> without(List<String> options, String option) {
    List<String> out = new ArrayList<>(options);
    out.remove(option);
    return out;
  }
}
