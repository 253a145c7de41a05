package dev.docklab.engine.api;

/** What a pull did: the image, the digest the reference resolved to, and whether anything was new. */
public record Pulled(Image image, Digest digest, boolean downloaded) {}
