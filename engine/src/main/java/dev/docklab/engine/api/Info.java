package dev.docklab.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code docker info} reports: counts, the storage driver, the runtime, the host and its security
 * options.
 *
 * @param securityOptions as Docker's API gives them: {@code name=seccomp,profile=PATH}, {@code name=apparmor},
 *     {@code name=cgroupns}
 */
public record Info(int containers, int running, int paused, int stopped, int images, String storageDriver,
    String backingFilesystem, String runtime, String runtimeReason, int cgroupVersion, boolean hybridCgroups,
    String cgroupDriver, String kernel, String operatingSystem, String architecture, int cpus, long memoryBytes,
    Path dataRoot, String version, List<String> securityOptions) {

  public Info {
    securityOptions = securityOptions == null ? List.of() : List.copyOf(securityOptions);
  }
}
