package dev.docklab.engine.api;

/**
 * Live facts for {@code explain boot}: the kernel is the host's, the image holds none, PID 1 inside
 * is the container's own process with another PID on the host, and the root is the union mount.
 *
 * @param container the container the facts were read from
 * @param hostKernel uname -r on the host
 * @param containerKernel uname -r inside the container
 * @param imageKernels kernel files found in the image's layers (boot/vmlinuz*), normally none
 * @param pid1Command the command of PID 1 as the container sees it
 * @param hostPid the same process's PID on the host
 * @param rootMount the mount table line of / inside the container
 * @param mounts how many mounts the container sees
 * @param throwaway whether docklab started a container just to read these facts
 * @param confinement its seccomp filter and AppArmor profile (null when not read)
 */
public record BootFacts(String container, String hostKernel, String containerKernel, int imageKernels,
    String pid1Command, long hostPid, String rootMount, int mounts, boolean throwaway, Confinement confinement) {

  /** Without the confinement facts. */
  public BootFacts(String container, String hostKernel, String containerKernel, int imageKernels,
      String pid1Command, long hostPid, String rootMount, int mounts, boolean throwaway) {
    this(container, hostKernel, containerKernel, imageKernels, pid1Command, hostPid, rootMount, mounts, throwaway,
        null);
  }
}
