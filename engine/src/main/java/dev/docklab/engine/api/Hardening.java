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
 * @param capAdd {@code --cap-add}, as given ({@code NET_ADMIN}, {@code cap_net_admin}, {@code ALL})
 * @param capDrop {@code --cap-drop}, as given
 * @param readOnlyRootfs {@code --read-only}
 * @param tmpfs {@code --tmpfs PATH[:OPTIONS]}: path to options
 * @param shmSize {@code --shm-size} in bytes, 0 for Docker's 64 MB
 * @param ulimits {@code --ulimit NAME=SOFT[:HARD]}
 * @param sysctls {@code --sysctl KEY=VALUE}
 * @param devices {@code --device HOST[:CONTAINER[:PERMS]]}
 * @param deviceCgroupRules {@code --device-cgroup-rule 'c 1:5 rwm'}
 * @param groupAdd {@code --group-add}, names or ids as given; in a bundle's spec, the ids the process gets
 *     besides its primary group (the user's groups in the container's /etc/group, then these)
 * @param maskedPaths null for Docker's masked /proc and /sys paths, empty for none
 *     ({@code --security-opt systempaths=unconfined})
 * @param readonlyPaths null for Docker's read-only /proc paths, empty for none
 * @param usernsMode {@code --userns}: "" or {@code host}
 * @param storageOpt {@code --storage-opt KEY=VALUE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hardening(boolean privileged, List<String> capAdd, List<String> capDrop, boolean readOnlyRootfs,
    Map<String, String> tmpfs, long shmSize, List<Ulimit> ulimits, Map<String, String> sysctls,
    List<Device> devices, List<String> deviceCgroupRules, List<String> groupAdd, List<String> maskedPaths,
    List<String> readonlyPaths, String usernsMode, Map<String, String> storageOpt) {
  /** Docker's defaults throughout. */
  public static final Hardening NONE = new Hardening(false, null, null, false, null, 0, null, null, null, null,
      null, null, null, null, null);

  public Hardening {
    capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
    capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
    tmpfs = tmpfs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tmpfs));
    ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
    sysctls = sysctls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sysctls));
    devices = devices == null ? List.of() : List.copyOf(devices);
    deviceCgroupRules = deviceCgroupRules == null ? List.of() : List.copyOf(deviceCgroupRules);
    groupAdd = groupAdd == null ? List.of() : List.copyOf(groupAdd);
    maskedPaths = maskedPaths == null ? null : List.copyOf(maskedPaths);
    readonlyPaths = readonlyPaths == null ? null : List.copyOf(readonlyPaths);
    usernsMode = usernsMode == null ? "" : usernsMode;
    storageOpt = storageOpt == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(storageOpt));
  }

  /** The same settings with these supplementary groups. */
  public Hardening withGroupAdd(List<String> groups) {
    return new Hardening(privileged, capAdd, capDrop, readOnlyRootfs, tmpfs, shmSize, ulimits, sysctls, devices,
        deviceCgroupRules, groups, maskedPaths, readonlyPaths, usernsMode, storageOpt);
  }

  /** One {@code --ulimit}: Docker's {@code Ulimit} ({@code nofile}, soft, hard; -1 for unlimited). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ulimit(String name, long soft, long hard) {}

  /** One {@code --device}: Docker's {@code DeviceMapping}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Device(String pathOnHost, String pathInContainer, String cgroupPermissions) {}
}
