package dev.docklab.engine.api;

/**
 * What a pull did: the image, the digest the reference resolved to, whether any blob was fetched, and
 * whether the tag now names a newer image than before (a fetch, or a tag re-created on an image already
 * here, as after {@code docker rmi} of one of its tags): Docker's "Downloaded newer image" then.
 */
public record Pulled(Image image, Digest digest, boolean downloaded, boolean newer) {}
