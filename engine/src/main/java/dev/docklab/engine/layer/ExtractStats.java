package dev.docklab.engine.layer;

/**
 * What unpacking one layer did, for explain modes: how many entries it created, how many OCI
 * whiteouts became overlayfs whiteouts, and the bytes of regular files written.
 */
public record ExtractStats(int entries, int whiteouts, int opaqueDirs, long bytes) {}
