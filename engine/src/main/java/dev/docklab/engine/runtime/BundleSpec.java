package dev.docklab.engine.runtime;

import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.api.Namespaces;
import dev.docklab.engine.api.Resources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What goes into one container's OCI {@code config.json}: the process, its root, its limits.
 *
 * @param args the command and its arguments
 * @param env {@code KEY=value} entries
 * @param cwd the working directory inside the container
 * @param uid user id of the process
 * @param gid group id of the process
 * @param hostname the container's host name (Docker: the first 12 hex digits of the id)
 * @param terminal whether the process gets a pseudo-terminal
 * @param rootfs the merged root filesystem
 * @param cgroupsPath the container's cgroup, e.g. {@code /docklab/ID}
 * @param memoryBytes the memory limit, 0 for none
 * @param pidsLimit the process-count limit, 0 for none
 * @param binds files or directories bind-mounted into the container
 * @param networkNamespace null for a new namespace of its own, {@link #HOST_NETWORK} for the host's, or the
 *     path of a namespace made beforehand (docklab's bridge) that the container joins
 * @param security its seccomp filter, AppArmor profile and no_new_privs bit
 * @param resources its CPU, memory and block-I/O settings ({@link SpecResources})
 * @param hardening its capabilities, root mounts, ulimits, sysctls and devices ({@link SpecHardening})
 * @param namespaces its namespace modes and init ({@link SpecNamespaces})
 */
public record BundleSpec(List<String> args, List<String> env, String cwd, int uid, int gid, String hostname,
    boolean terminal, Path rootfs, String cgroupsPath, long memoryBytes, long pidsLimit, List<Bind> binds,
    String networkNamespace, Security security, Resources resources, Hardening hardening,
    Namespaces namespaces) {
  public BundleSpec {
    resources = resources == null ? Resources.NONE : resources;
    hardening = hardening == null ? Hardening.NONE : hardening;
    namespaces = namespaces == null ? Namespaces.NONE : namespaces;
  }

  /** With the engine's defaults beyond the memory and pids limits. */
  public BundleSpec(List<String> args, List<String> env, String cwd, int uid, int gid, String hostname,
      boolean terminal, Path rootfs, String cgroupsPath, long memoryBytes, long pidsLimit, List<Bind> binds,
      String networkNamespace, Security security) {
    this(args, env, cwd, uid, gid, hostname, terminal, rootfs, cgroupsPath, memoryBytes, pidsLimit, binds,
        networkNamespace, security, null, null, null);
  }

  /** {@link #networkNamespace} for {@code --network host}. */
  public static final String HOST_NETWORK = "host";

  /** A bind mount: host {@code source} at {@code destination} inside, read-only or not. */
  public record Bind(Path source, String destination, boolean readOnly) {}

  /**
   * What fences the process in besides namespaces and capabilities.
   *
   * @param seccomp the OCI {@code linux.seccomp}, or null for no filter ({@code seccomp=unconfined})
   * @param appArmorProfile the AppArmor profile, or null for none
   * @param noNewPrivileges the no_new_privs bit ({@code --security-opt no-new-privileges})
   */
  public record Security(Map<String, Object> seccomp, String appArmorProfile, boolean noNewPrivileges) {}
}
