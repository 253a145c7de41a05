package dev.docklab.engine.api;

import java.nio.file.Path;

/** What {@code docker info} reports: counts, the storage driver, the runtime and the host. */
public record Info(int containers, int running, int paused, int stopped, int images, String storageDriver,
    String backingFilesystem, String runtime, String runtimeReason, int cgroupVersion, boolean hybridCgroups,
    String cgroupDriver, String kernel, String operatingSystem, String architecture, int cpus, long memoryBytes,
    Path dataRoot, String version) {}
