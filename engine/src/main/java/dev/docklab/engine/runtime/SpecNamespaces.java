package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a container's namespace modes and init into its OCI spec, over {@link OciSpec}'s defaults: the host's
 * namespace (no entry), another container's ({@code ns:PATH}, a path the engine resolved from
 * {@code container:NAME}) or one of its own; the UTS domain name; /dev/shm as the IPC mode has it; and
 * {@code --init}'s docker-init (Debian's static tini) as PID 1.
 */
final class SpecNamespaces {
  /** Where Docker puts its init in a container, and what {@code ps} inside shows as PID 1. */
  static final String INIT_PATH = "/sbin/docker-init";
  /** Debian's tini-static, the host file bind-mounted at {@link #INIT_PATH}. */
  static final Path TINI = Path.of("/usr/bin/tini-static");
  private static final String JOIN = "ns:";

  private SpecNamespaces() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.namespaces()}. */
  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    Namespaces n = s.namespaces();
    Map<String, Object> linux = (Map<String, Object>) spec.get("linux");
    List<Map<String, Object>> ns = new ArrayList<>((List<Map<String, Object>>) linux.get("namespaces"));
    mode(ns, "pid", n.pidMode());
    mode(ns, "ipc", n.ipcMode());
    mode(ns, "uts", n.utsMode());
    ns.removeIf(e -> e.get("type").equals("cgroup"));
    if (n.cgroupnsMode().equals("private") || n.cgroupnsMode().isEmpty() && host.cgroupVersion() == 2) {
      ns.add(Map.of("type", "cgroup"));
    }
    linux.put("namespaces", ns);
    if (n.utsMode().equals("host")) {
      spec.remove("hostname");
    } else if (!n.domainname().isEmpty()) {
      spec.put("domainname", n.domainname());
    }
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) spec.get("mounts");
    boolean shmBound = mounts.stream().anyMatch(m -> m.get("type").equals("bind")
        && m.get("destination").equals("/dev/shm"));
    if (shmBound || n.ipcMode().equals("none")) {
      mounts.removeIf(m -> m.get("type").equals("tmpfs") && m.get("destination").equals("/dev/shm"));
    }
    if (n.init()) {
      init(spec, mounts);
    }
  }

  /** One namespace's entry: none for {@code host}, a path for {@code ns:PATH}, its own otherwise. */
  private static void mode(List<Map<String, Object>> ns, String type, String mode) {
    if (mode.equals("host")) {
      ns.removeIf(e -> e.get("type").equals(type));
    } else if (mode.startsWith(JOIN)) {
      for (int i = 0; i < ns.size(); i++) {
        if (ns.get(i).get("type").equals(type)) {
          ns.set(i, Map.of("type", type, "path", mode.substring(JOIN.length())));
        }
      }
    }
  }

  /** docker-init as PID 1: the host's static tini mounted read-only, the command after its {@code --}. */
  @SuppressWarnings("unchecked")
  private static void init(Map<String, Object> spec, List<Map<String, Object>> mounts) {
    if (!Files.isExecutable(TINI)) {
      // Docker's words when its docker-init is missing; here it is Debian's tini-static (package tini)
      throw EngineException.invalid("exec: \"docker-init\": executable file not found in $PATH");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("destination", INIT_PATH);
    m.put("type", "bind");
    m.put("source", TINI.toString());
    m.put("options", List.of("bind", "ro"));
    mounts.add(m);
    Map<String, Object> process = (Map<String, Object>) spec.get("process");
    List<String> args = new ArrayList<>(List.of(INIT_PATH, "--"));
    args.addAll((List<String>) process.get("args"));
    process.put("args", args);
  }
}
