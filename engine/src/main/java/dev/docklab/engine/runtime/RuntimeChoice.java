package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.nio.file.Path;

/**
 * Which OCI runtime to use, and why. crun is faster but refuses hybrid cgroup hosts (v1
 * controllers plus a cgroup2 mount that holds a controller); runc works everywhere.
 */
public record RuntimeChoice(String name, Path binary, String reason) {

  /** Picks a runtime for this host: {@code preferred} if given ("runc" or "crun"), else by probing. */
  public static RuntimeChoice choose(HostFacts host, String preferred) {
    if (preferred != null && !preferred.isBlank()) {
      Path p = preferred.equals("crun") ? host.crun() : preferred.equals("runc") ? host.runc() : null;
      if (p == null) {
        throw EngineException.invalid(EngineMessage.RUNTIME_MISSING, preferred);
      }
      return new RuntimeChoice(preferred, p, "chosen in the settings");
    }
    if (host.crun() != null && host.cgroupVersion() == 2) {
      return new RuntimeChoice("crun", host.crun(), "cgroup v2 host: crun is the faster runtime");
    }
    if (host.runc() != null) {
      String why = host.hybridCgroups() ? "hybrid cgroups (v1 + v2): crun refuses these, runc works"
          : host.crun() == null ? "crun is not installed" : "cgroup v1 host";
      return new RuntimeChoice("runc", host.runc(), why);
    }
    if (host.crun() != null) {
      return new RuntimeChoice("crun", host.crun(), "runc is not installed");
    }
    throw EngineException.system(EngineMessage.NO_RUNTIME, null);
  }
}
