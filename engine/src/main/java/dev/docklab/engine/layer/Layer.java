package dev.docklab.engine.layer;

import dev.docklab.engine.api.Digest;
import java.nio.file.Path;

/**
 * One unpacked, read-only layer.
 *
 * @param diffId the digest of the uncompressed tar, as listed in an image config's rootfs
 * @param diff the directory holding the layer's files in overlayfs form
 * @param size bytes of regular files in the layer
 */
public record Layer(Digest diffId, Path diff, long size) {}
