package dev.docklab.engine.api;

import java.util.List;

/** What {@link #load} made: each image's id and the names it got. */
public record Loaded(Digest id, List<ImageReference> names) {}
