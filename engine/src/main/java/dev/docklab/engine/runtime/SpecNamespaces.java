package dev.docklab.engine.runtime;

import java.util.Map;

/** Puts a container's namespace modes and init into its OCI spec, over {@link OciSpec}'s defaults. */
final class SpecNamespaces {
  private SpecNamespaces() {}

  /** Changes {@code spec} (as {@link OciSpec#build} made it) for {@code s.namespaces()}. */
  static void apply(Map<String, Object> spec, BundleSpec s, HostFacts host) {
    // Docker's defaults: nothing to change.
  }
}
