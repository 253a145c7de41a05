package dev.docklab.engine.registry.client;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.layer.ParallelGzip;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A layer as it leaves the machine. docklab keeps the layers it makes (commit, build, its base images)
 * as gzip without compression, which is fast to write; like Docker, it compresses a layer when it is
 * pushed, on every core ({@link ParallelGzip}), and records the compressed blob's digest beside the
 * stored one ({@code DATA_ROOT/distribution/gzip/HEX}), so that pushing the same layer again neither
 * compresses it nor uploads it when the registry has it. A blob that came compressed (a pull, a load)
 * leaves as it is.
 */
final class Outgoing {
  private final BlobStore blobs;
  private final Path twins;
  private final Path tmp;

  Outgoing(BlobStore blobs, Path twins, Path tmp) {
    this.blobs = blobs;
    this.twins = twins;
    this.tmp = tmp;
  }

  /** A layer's blob as pushed: its digest and size, and the file to send (a temp file when made here). */
  record Blob(Digest digest, long size, Path file, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
      if (temporary) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // under the data root's tmp, which is swept at start
        }
      }
    }
  }

  /**
   * The digest {@code stored} leaves as, when known without compressing: itself when it is compressed
   * already, the recorded twin's when it was compressed before, else null.
   */
  Digest knownDigest(Digest stored) {
    if (!needsCompressing(stored)) {
      return stored;
    }
    String twin = readTwin(stored);
    return twin == null ? null : Digest.parse(twin.split(" ")[0]);
  }

  /** The size the twin of {@code stored} was recorded with, or the stored size when it leaves as it is. */
  long knownSize(Digest stored) {
    if (!needsCompressing(stored)) {
      return blobs.size(stored);
    }
    String twin = readTwin(stored);
    return twin == null ? -1 : Long.parseLong(twin.split(" ")[1]);
  }

  /** The file to upload for {@code stored}: compressed now (and its digest recorded) when it needs to be. */
  Blob file(Digest stored) {
    if (!needsCompressing(stored)) {
      return new Blob(stored, blobs.size(stored), blobs.path(stored), false);
    }
    try {
      Files.createDirectories(tmp);
      Path out = Files.createTempFile(tmp, "push-", ".gz");
      try (InputStream in = new GZIPInputStream(blobs.open(stored), 1 << 16);
          OutputStream o = Files.newOutputStream(out)) {
        ParallelGzip.Written w = ParallelGzip.compress(in, o);
        Files.createDirectories(twins);
        AtomicFiles.writeNoSync(twins.resolve(stored.hex()),
            (w.digest() + " " + w.size() + "\n").getBytes(StandardCharsets.UTF_8));
        return new Blob(w.digest(), w.size(), out, true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(out);
        throw e;
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.PUSH_COMPRESS_FAILED, e, stored.shortHex(), AtomicFiles.describe(e));
    }
  }

  private boolean needsCompressing(Digest stored) {
    try (InputStream in = blobs.open(stored)) {
      return ParallelGzip.isStored(in);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.READ_FAILED, e, stored.shortHex(), AtomicFiles.describe(e));
    }
  }

  private String readTwin(Digest stored) {
    Path f = twins.resolve(stored.hex());
    try {
      return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
