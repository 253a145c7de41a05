package dev.docklab.engine.api;

/**
 * One copy-on-write fact seen in a container's read-write layer: COPY_UP (a file from a lower layer,
 * copied up whole on its first write), NEW (created in the container), DELETE (a whiteout now hides
 * the lower file) or OPAQUE (a directory now hides everything below it).
 *
 * @param kind COPY_UP, NEW, DELETE or OPAQUE
 * @param path the path inside the container
 * @param bytes bytes now in the read-write layer for it (what a copy-up copied)
 * @param fromLayer for COPY_UP and DELETE, the lower layer that had the file (short id)
 */
public record CowEvent(String kind, String path, long bytes, String fromLayer) {}
