package dev.docklab.engine.image;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageConfig;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import dev.docklab.engine.store.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.Deflater;
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
  /** The image this one is made from, recorded as its parent; null for an image of its own (a pull, a load). */
  private Digest parent;

  public ImageAssembler(Layout layout, BlobStore blobs, LayerStore layers, ImageStore images) {
    this.layout = layout;
    this.blobs = blobs;
    this.layers = layers;
    this.images = images;
  }

  /**
   * Starts the new image on top of {@code base}'s layers (which are already stored), made from it: {@code base} is
   * its parent, as a commit's or a build step's in Docker.
   */
  public ImageAssembler from(Image base) throws IOException {
    parent = base.id();
    Manifest manifest = ImageStore.JSON.readValue(blobs.read(base.manifest()), Manifest.class);
    layerDescriptors.addAll(manifest.layers());
    diffIds.addAll(base.config().diffIdsOrEmpty());
    return this;
  }

  /**
   * Adds a layer from a tar stream (plain or gzip); returns its diff id. In one pass over the data the
   * tar is gzip-compressed into a blob and, in a second thread, unpacked into a staged layer; the layer
   * goes into the store only once the whole input has been read and checked (a bad gzip trailer
   * throws it away). A layer above Docker's {@link LayerStore#MAX_DEPTH} is refused before it is read.
   */
  public Digest addLayer(InputStream tar) {
    LayerStore.checkDepth(diffIds.size());
    Path tmp = null;
    PipedOutputStream toExtract = null;
    CompletableFuture<LayerStore.Staged> staging = null;
    LayerStore.Staged staged = null;
    try {
      Files.createDirectories(layout.tmp());
      tmp = Files.createTempFile(layout.tmp(), "layer-", ".tar.gz");
      PipedInputStream extractIn = new PipedInputStream(1 << 20);
      toExtract = new PipedOutputStream(extractIn);
      staging = CompletableFuture.supplyAsync(() -> {
        try (extractIn) {
          return layers.stage(extractIn);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Sha256.HashingOutputStream compressed = new Sha256.HashingOutputStream(Files.newOutputStream(tmp));
      Sha256.HashingOutputStream plain;
      try (GZIPOutputStream gz = new FastGzip(compressed)) {
        plain = new Sha256.HashingOutputStream(gz);
        try (InputStream in = LayerStore.decompress(tar); PipedOutputStream pipe = toExtract) {
          byte[] buf = new byte[1 << 16];
          int n;
          while ((n = in.read(buf)) > 0) {
            plain.write(buf, 0, n);
            try {
              pipe.write(buf, 0, n);
            } catch (IOException pipeClosed) {
              break; // the extractor failed: its error is reported below
            }
          }
        }
      }
      staged = join(staging);
      if (!staged.diffId().equals(plain.digest())) {
        throw EngineException.system(EngineMessage.LAYER_DIGEST_MISMATCH, null, staged.diffId(), plain.digest());
      }
      Digest blobDigest = compressed.digest();
      long size = Files.size(tmp);
      blobs.adopt(tmp, blobDigest);
      tmp = null;
      Digest diffId = staged.commit().layer().diffId();
      layerDescriptors.add(new Manifest.Descriptor(Manifest.DOCKER_LAYER_GZIP, size, blobDigest.toString()));
      diffIds.add(diffId.toString());
      return diffId;
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LAYER_STORE_FAILED, e, AtomicFiles.describe(e));
    } finally {
      discard(toExtract, staging, staged);
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // tmp/ is emptied at start-up
        }
      }
    }
  }

  private static LayerStore.Staged join(CompletableFuture<LayerStore.Staged> staging) {
    try {
      return staging.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : EngineException.system(e.getMessage(), e);
    }
  }

  /**
   * After a failure: ends the extractor's input (so it stops), waits for it, and throws away what it
   * staged; after success, a no-op.
   */
  private static void discard(PipedOutputStream toExtract, CompletableFuture<LayerStore.Staged> staging,
      LayerStore.Staged staged) {
    if (toExtract != null) {
      try {
        toExtract.close();
      } catch (IOException ignored) {
        // closed already
      }
    }
    if (staged == null && staging != null) {
      try {
        staged = staging.join();
      } catch (CompletionException | CancellationException e) {
        return; // the extractor failed and removed its temp directory
      }
    }
    if (staged != null) {
      staged.close();
    }
  }

  /**
   * gzip framing without compression for the local store: the JDK's deflate manages about 30 MB/s
   * on incompressible data here, which would make a commit of 50 MB take over a second and a half.
   * Like Docker, which keeps local layers uncompressed, docklab spends the effort only when a layer
   * leaves the machine (push, save), where it can be compressed properly.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.NO_COMPRESSION);
    }
  }

  /**
   * Records an image whose config comes as bytes (as loaded from an archive), kept byte for byte so
   * that its id stays the same; its rootfs must list exactly the layers added here.
   */
  public Digest finishVerbatim(byte[] configBytes) {
    try {
      ImageConfig config = ImageStore.JSON.readValue(configBytes, ImageConfig.class);
      if (!config.diffIdsOrEmpty().equals(diffIds)) {
        throw EngineException.invalid(EngineMessage.CONFIG_LAYERS_MISMATCH, config.diffIdsOrEmpty(), diffIds);
      }
      return record(configBytes);
    } catch (IOException e) {
      throw EngineException.invalid(EngineMessage.CONFIG_NOT_JSON, e.getMessage());
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
      return record(ImageStore.JSON.writeValueAsBytes(withLayers));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONFIG_WRITE_FAILED, e, e.getMessage());
    }
  }

  /** Stores the config and a Docker schema 2 manifest for it and the layers, and records the image. */
  private Digest record(byte[] configBytes) throws IOException {
    Digest configDigest = blobs.put(configBytes);
    Manifest manifest = new Manifest(2, Manifest.DOCKER_V2,
        new Manifest.Descriptor(Manifest.DOCKER_CONFIG, configBytes.length, configDigest.toString()),
        List.copyOf(layerDescriptors));
    Digest manifestDigest = blobs.put(ImageStore.JSON.writeValueAsBytes(manifest));
    return images.add(configDigest, manifestDigest, parent);
  }
}
