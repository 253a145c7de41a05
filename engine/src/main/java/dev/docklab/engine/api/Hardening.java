package dev.docklab.engine.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a container's process may do and what its root looks like, beyond the defaults: capabilities,
 * {@code --privileged}, a read-only root, tmpfs mounts, /dev/shm's size, ulimits, sysctls, devices and
 * supplementary groups.
 *
 * @param privileged {@code --privileged}
 * @param capAdd {@code --cap-add}, as given ({@code NET_ADMIN}, {@code ALL})
 * @param capDrop {@code --cap-drop}
 * @param readOnlyRootfs {@code --read-only}
 * @param tmpfs {@code --tmpfs PATH[:OPTIONS]}: path to options
 * @param shmSize {@code --shm-size} in bytes, 0 for Docker's 64 MB
 * @param ulimits {@code --ulimit NAME=SOFT[:HARD]}, as given
 * @param sysctls {@code --sysctl KEY=VALUE}
 * @param devices {@code --device HOST[:CONTAINER[:PERMS]]}, as given
 * @param deviceCgroupRules {@code --device-cgroup-rule}
 * @param groupAdd {@code --group-add}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hardening(boolean privileged, List<String> capAdd, List<String> capDrop, boolean readOnlyRootfs,
    Map<String, String> tmpfs, long shmSize, List<String> ulimits, Map<String, String> sysctls,
    List<String> devices, List<String> deviceCgroupRules, List<String> groupAdd) {
  /** Docker's defaults throughout. */
  public static final Hardening NONE = new Hardening(false, null, null, false, null, 0, null, null, null, null,
      null);

  public Hardening {
    capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
    capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
    tmpfs = tmpfs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tmpfs));
    ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
    sysctls = sysctls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sysctls));
    devices = devices == null ? List.of() : List.copyOf(devices);
    deviceCgroupRules = deviceCgroupRules == null ? List.of() : List.copyOf(deviceCgroupRules);
    groupAdd = groupAdd == null ? List.of() : List.copyOf(groupAdd);
  }
}
