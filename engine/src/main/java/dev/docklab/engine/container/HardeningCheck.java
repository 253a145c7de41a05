package dev.docklab.engine.container;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.runtime.Capabilities;
import java.util.regex.Pattern;

/**
 * What Docker's daemon refuses of a new container's capabilities, root mounts, devices and storage options,
 * in its words, before the container is recorded.
 */
final class HardeningCheck {
  private static final Pattern CGROUP_RULE = Pattern.compile("^([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})$");

  private HardeningCheck() {}

  /** Throws Docker's error for the first setting of {@code h} it refuses. */
  static void check(Hardening h) {
    Capabilities.normalize(h.capAdd(), "CapAdd");
    Capabilities.normalize(h.capDrop(), "CapDrop");
    if (h.shmSize() < 0) {
      throw EngineException.invalid("SHM size can not be less than 0");
    }
    for (String dest : h.tmpfs().keySet()) {
      if (dest.equals("/")) {
        throw EngineException.invalid("invalid specification: destination can't be '/'");
      }
      if (!dest.startsWith("/")) {
        throw EngineException.invalid("invalid mount path: '" + dest + "' mount path must be absolute");
      }
    }
    for (String rule : h.deviceCgroupRules()) {
      if (!CGROUP_RULE.matcher(rule).matches()) {
        throw EngineException.invalid("invalid device cgroup rule format: '" + rule + "'");
      }
    }
    for (Hardening.Device d : h.devices()) {
      if (d.pathInContainer() == null || !d.pathInContainer().startsWith("/")) {
        throw EngineException.invalid(d.pathInContainer() + " is not an absolute path");
      }
    }
    if (!h.usernsMode().isEmpty() && !h.usernsMode().equals("host")) {
      throw EngineException.invalid("--userns: invalid USER mode");
    }
    if (h.storageOpt().containsKey("size")) {
      throw EngineException.invalid("--storage-opt is supported only for overlay over xfs with 'pquota' mount option");
    }
    for (String key : h.storageOpt().keySet()) {
      throw EngineException.invalid("Unknown option " + key);
    }
  }
}
