package dev.docklab.engine.api;

import java.util.List;

/** What {@code docker rmi} did: the names removed, then the ids deleted (image, then layers). */
public record Removal(List<String> untagged, List<String> deleted, long reclaimedBytes) {}
