package dev.docklab.engine.image;

import dev.docklab.engine.EngineException;
import dev.docklab.engine.digest.Digest;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a new image in the store from layer tars and a config: each layer is gzip-compressed into a
 * blob, unpacked from that blob (so the diff id is checked against what was stored), then the config
 * and a Docker schema 2 manifest are written and the image recorded.
 */
public final class ImageAssembler {
  private final Layout layout;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageStore images;
  private final List<Manifest.Descriptor> layerDescriptors = new ArrayList<>();
  private final List<String> diffIds = new ArrayList<>();

  public ImageAssembler(Layout layout, BlobStore blobs, LayerStore layers, ImageStore images) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
  }

  /** Starts the new image on top of {@code base}'s layers (which are already stored). */
  public ImageAssembler from(Image base) throws IOException {
    Manifest manifest = ImageStore.JSON.readValue(blobs.read(base.manifest()), Manifest.class);
    layerDescriptors.addAll(manifest.layers());
    diffIds.addAll(base.config().diffIdsOrEmpty());
    return this;
  }

  /** Adds a layer from a tar stream (plain or gzip); returns its diff id. */
  public Digest addLayer(InputStream tar) {
    Path tmp = null;
    try {
      Files.createDirectories(layout.tmp());
      tmp = Files.createTempFile(layout.tmp(), "layer-", ".tar.gz");
      Sha256.HashingOutputStream compressed = new Sha256.HashingOutputStream(Files.newOutputStream(tmp));
      Sha256.HashingOutputStream plain;
      try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 65536)) {
        plain = new Sha256.HashingOutputStream(gz);
        try (InputStream in = LayerStore.decompress(tar)) {
          in.transferTo(plain);
        }
      }
      Digest blobDigest = compressed.digest();
      Digest diffId = plain.digest();
      try (InputStream in = Files.newInputStream(tmp)) {
        blobs.put(in, blobDigest);
      }
      if (!layers.has(diffId)) {
        try (InputStream in = blobs.open(blobDigest)) {
          Digest unpacked = layers.unpack(in).layer().diffId();
          if (!unpacked.equals(diffId)) {
            throw EngineException.system("layer " + blobDigest + " unpacked to " + unpacked + ", expected " + diffId, null);
          }
        }
      }
      layerDescriptors.add(new Manifest.Descriptor(Manifest.DOCKER_LAYER_GZIP, Files.size(blobs.path(blobDigest)),
          blobDigest.toString()));
      diffIds.add(diffId.toString());
      return diffId;
    } catch (IOException e) {
      throw EngineException.system("could not store layer: " + AtomicFiles.describe(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // tmp/ is emptied at start-up
        }
      }
    }
  }

  /**
   * Writes the config (with this assembler's layers as its rootfs) and the manifest, and records the
   * image. Returns the image id.
   */
  public Digest finish(ImageConfig config) {
    try {
      ImageConfig withLayers = new ImageConfig(config.architecture(), config.os(), config.created(),
          config.author(), config.config(), new ImageConfig.RootFs("layers", List.copyOf(diffIds)),
          config.history());
      byte[] configBytes = ImageStore.JSON.writeValueAsBytes(withLayers);
      Digest configDigest = blobs.put(configBytes);
      Manifest manifest = new Manifest(2, Manifest.DOCKER_V2,
          new Manifest.Descriptor(Manifest.DOCKER_CONFIG, configBytes.length, configDigest.toString()),
          List.copyOf(layerDescriptors));
      Digest manifestDigest = blobs.put(ImageStore.JSON.writeValueAsBytes(manifest));
      return images.add(configDigest, manifestDigest);
    } catch (IOException e) {
      throw EngineException.system("could not write image config: " + e.getMessage(), e);
    }
  }
}
