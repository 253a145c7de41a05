package dev.docklab.engine.store;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content-addressed blobs: each stored under its sha256, verified while it streams in, written to a
 * temp file and renamed into place only when complete and correct.
 */
public final class BlobStore {
  private final Layout layout;

  public BlobStore(Layout layout) {
    this.layout = layout;
  }

  public boolean has(Digest digest) {
    return Files.isRegularFile(layout.blob(digest));
  }

  public Path path(Digest digest) {
    return layout.blob(digest);
  }

  /** Stores {@code bytes} and returns their digest. */
  public Digest put(byte[] bytes) {
    Digest digest = Sha256.of(bytes);
    if (!has(digest)) {
      AtomicFiles.write(layout.blob(digest), bytes);
    }
    return digest;
  }

  /**
   * Streams {@code in} into the store. When {@code expected} is not null the content must hash to
   * it, or nothing is stored and the error says both digests.
   */
  public Digest put(InputStream in, Digest expected) {
    try {
      Files.createDirectories(layout.blobs());
      Files.createDirectories(layout.tmp());
      Path tmp = Files.createTempFile(layout.tmp(), "blob-", ".tmp");
      try {
        Sha256.HashingInputStream hashing = new Sha256.HashingInputStream(in);
        try (OutputStream out = Files.newOutputStream(tmp)) {
          hashing.transferTo(out);
        }
        Digest actual = hashing.digest();
        if (expected != null && !expected.equals(actual)) {
          throw EngineException.invalid("filesystem layer verification failed for digest " + expected
              + ": content hashes to " + actual);
        }
        if (!has(actual)) {
          AtomicFiles.move(tmp, layout.blob(actual));
        }
        return actual;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BLOB_STORE_FAILED, e, AtomicFiles.describe(e));
    }
  }

  /**
   * Moves a finished temp file (under the data root, already hashed to {@code digest} by its writer)
   * into the store, without copying it.
   */
  public void adopt(Path tmp, Digest digest) {
    try {
      Files.createDirectories(layout.blobs());
      if (has(digest)) {
        Files.deleteIfExists(tmp);
      } else {
        AtomicFiles.move(tmp, layout.blob(digest));
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BLOB_STORE_ONE_FAILED, e, digest, AtomicFiles.describe(e));
    }
  }

  /** Reads a whole blob, checking that it still hashes to its name. */
  public byte[] read(Digest digest) {
    try {
      byte[] bytes = Files.readAllBytes(layout.blob(digest));
      Digest actual = Sha256.of(bytes);
      if (!actual.equals(digest)) {
        throw EngineException.system(EngineMessage.BLOB_CORRUPT, null, digest, actual);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw EngineException.notFound(EngineMessage.BLOB_MISSING, digest, layout.blobs());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BLOB_READ_FAILED, e, digest, AtomicFiles.describe(e));
    }
  }

  /** Opens a blob for streaming; the caller verifies the digest as it reads. */
  public InputStream open(Digest digest) {
    try {
      return Files.newInputStream(layout.blob(digest));
    } catch (NoSuchFileException e) {
      throw EngineException.notFound(EngineMessage.BLOB_MISSING, digest, layout.blobs());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BLOB_OPEN_FAILED, e, digest, AtomicFiles.describe(e));
    }
  }

  /** Every blob in the store. */
  public List<Digest> list() throws IOException {
    if (!Files.isDirectory(layout.blobs())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(layout.blobs())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{64}")).map(Digest::sha256)
          .toList();
    }
  }

  /** The blob's size in bytes, 0 when it is missing. */
  public long size(Digest digest) {
    try {
      return Files.size(layout.blob(digest));
    } catch (IOException e) {
      return 0;
    }
  }

  public void delete(Digest digest) {
    try {
      Files.deleteIfExists(layout.blob(digest));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.BLOB_DELETE_FAILED, e, digest, AtomicFiles.describe(e));
    }
  }
}
