package dev.docklab.engine.registry.client;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Progress;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.ReadAhead;
import dev.docklab.engine.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One layer of a pull: unpacked while its blob downloads (the same bytes go to a temp file and, through
 * the layer store's decompressing thread, into a staged layer; the download reads ahead on a thread of
 * its own), then kept only when both digests hold:
 * the blob's (of the compressed bytes, as the manifest names it) and the layer's diff id (of the tar,
 * as the image config names it). A mismatch or a failure anywhere throws the staged layer and the temp
 * file away; a blob that verified is kept (the pull's lease holds it) even when its layer failed.
 */
final class LayerPull {
  private final RegistryClient client;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final Path tmp;

  LayerPull(RegistryClient client, BlobStore blobs, LayerStore layers, Path tmp) {
    this.client = client;
    this.blobs = blobs;
    this.layers = layers;
    this.tmp = tmp;
  }

  /** Downloads blob {@code d} of {@code size} bytes and unpacks it as it streams in, as layer {@code diffId}. */
  void fetchAndUnpack(RegistryClient.Registry r, String repo, Digest d, long size, Digest diffId, Progress p) {
    Path file = null;
    try {
      Files.createDirectories(tmp);
      file = Files.createTempFile(tmp, "pull-", ".blob");
      try (BlobTee blob = new BlobTee(new Counted(client.blob(r, repo, d),
          n -> p.layer(d.shortHex(), "Downloading", n, size)), file);
          ReadAhead download = new ReadAhead("docklab-download", () -> blob)) {
        // the download, its digest and its temp file on a thread of their own, beside the inflating
        LayerStore.Staged staged;
        try {
          staged = layers.stage(download);
        } catch (RuntimeException unpackFailed) {
          download.close(); // what it read is hashed and written; the rest is read here
          throw verifiedFirst(blob, d, file, unpackFailed);
        }
        try (staged) {
          download.close();
          blob.drain();
          verify(blob, d);
          p.layer(d.shortHex(), "Verifying Checksum", size, size);
          p.layer(d.shortHex(), "Download complete", size, size);
          p.layer(d.shortHex(), "Extracting", 0, 0);
          checkDiffId(d, staged, diffId);
          blobs.adopt(file, d);
          file = null;
          staged.commit();
        }
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.DOWNLOAD_FAILED, e, d.shortHex(), e.getMessage());
    } finally {
      deleteQuietly(file);
    }
    p.layer(d.shortHex(), "Pull complete", 0, 0);
  }

  /** Unpacks blob {@code d}, which the store had before this pull (a lease kept it, or an image has it). */
  void unpackStored(Digest d, Digest diffId, Progress p) {
    p.layer(d.shortHex(), "Extracting", 0, 0);
    try (InputStream raw = blobs.open(d); LayerStore.Staged staged = layers.stage(raw)) {
      checkDiffId(d, staged, diffId); // the blob stays: another image may have it, only this claim is wrong
      staged.commit();
    } catch (IOException ex) {
      throw EngineException.system(EngineMessage.LAYER_UNPACK_ONE_FAILED, ex, d.shortHex(), ex.getMessage());
    }
    p.layer(d.shortHex(), "Pull complete", 0, 0);
  }

  private static void checkDiffId(Digest d, LayerStore.Staged staged, Digest diffId) {
    if (!staged.diffId().equals(diffId)) {
      throw EngineException.invalid(EngineMessage.LAYER_DIFF_MISMATCH, d.shortHex(), staged.diffId(), diffId);
    }
  }

  /**
   * After the layer failed to unpack: a download that broke, or bytes that are not the blob, say more
   * than the unpacking error. So the rest of the blob is read (bytes that verify are kept for the
   * next try) and the blob's digest checked before the unpacking error is reported.
   */
  private RuntimeException verifiedFirst(BlobTee blob, Digest d, Path file, RuntimeException unpackFailed)
      throws IOException {
    if (blob.downloadFailure() != null) {
      throw blob.downloadFailure();
    }
    try {
      blob.drain();
    } catch (IOException e) {
      return unpackFailed;
    }
    verify(blob, d);
    blobs.adopt(file, d);
    return unpackFailed;
  }

  private static void verify(BlobTee blob, Digest d) {
    Digest actual = blob.digest();
    if (!actual.equals(d)) {
      throw EngineException.invalid("filesystem layer verification failed for digest " + d
          + ": content hashes to " + actual);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // tmp/ is emptied at start-up
      }
    }
  }
}
