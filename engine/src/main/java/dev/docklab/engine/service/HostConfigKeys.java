package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.runtime.OciSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HostConfig}'s keys for a container's capabilities, privileged mode, root mounts, ulimits, sysctls
 * and devices, with the values it really runs with; and HostConfig's keys in the order of Docker's
 * {@code HostConfig} struct, which {@code docker inspect} prints.
 */
final class HostConfigKeys {
  /** Docker's /dev/shm size when {@code --shm-size} is not given. */
  static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

  private HostConfigKeys() {}

  /** Puts the hardening keys of {@code c} into {@code host}. */
  static void putHardening(Map<String, Object> host, Container c) {
    Hardening h = c.hardening();
    host.put("CapAdd", h.capAdd().isEmpty() ? null : h.capAdd());
    host.put("CapDrop", h.capDrop().isEmpty() ? null : h.capDrop());
    host.put("GroupAdd", h.groupAdd().isEmpty() ? null : h.groupAdd());
    host.put("Privileged", h.privileged());
    host.put("ReadonlyRootfs", h.readOnlyRootfs());
    if (h.privileged()) {
      // Docker's daemon turns SELinux labelling off for a privileged container and records it so
      List<String> opts = new ArrayList<>(c.hostConfig().securityOpt());
      opts.add("label=disable");
      host.put("SecurityOpt", opts);
    }
    if (!h.tmpfs().isEmpty()) {
      host.put("Tmpfs", h.tmpfs());
    }
    host.put("UsernsMode", h.usernsMode());
    host.put("ShmSize", h.shmSize() > 0 ? h.shmSize() : DEFAULT_SHM_SIZE);
    if (!h.sysctls().isEmpty()) {
      host.put("Sysctls", h.sysctls());
    }
    List<Map<String, Object>> devices = new ArrayList<>();
    for (Hardening.Device d : h.devices()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("PathOnHost", d.pathOnHost());
      m.put("PathInContainer", d.pathInContainer());
      m.put("CgroupPermissions", d.cgroupPermissions());
      devices.add(m);
    }
    host.put("Devices", devices);
    host.put("DeviceCgroupRules", h.deviceCgroupRules().isEmpty() ? null : h.deviceCgroupRules());
    List<Map<String, Object>> ulimits = new ArrayList<>();
    for (Hardening.Ulimit u : h.ulimits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Name", u.name());
      m.put("Hard", u.hard());
      m.put("Soft", u.soft());
      ulimits.add(m);
    }
    host.put("Ulimits", ulimits);
    host.put("MaskedPaths", h.privileged() ? null : h.maskedPaths() != null ? h.maskedPaths() : OciSpec.MASKED_PATHS);
    host.put("ReadonlyPaths", h.privileged() ? null
        : h.readonlyPaths() != null ? h.readonlyPaths() : OciSpec.READONLY_PATHS);
  }
}
