package dev.docklab.engine.layer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Digest;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.LayerFiles;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.ShortLinks;
import dev.docklab.engine.store.Trash;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacked layers, each in its own directory named by its diff id and shared by every image that
 * lists it. A layer is unpacked into a temp directory and renamed into place only when complete (its
 * stream read to the end, a gzip or zstd trailer checked, its digest accepted by the caller), so a
 * failure (a hostile entry, a full disk, a corrupt trailer) leaves the store exactly as it was.
 */
public final class LayerStore {
  /**
   * The most layers an image may stack, as in Docker's layer store ({@code maxLayerDepth}): 125, so that
   * overlay2's 128 lower dirs hold them with a container's init and read-write layers.
   */
  public static final int MAX_DEPTH = 125;
  /** Docker's words when a layer would stack above {@link #MAX_DEPTH} ({@code layer.ErrMaxDepthExceeded}). */
  public static final String MAX_DEPTH_EXCEEDED = "max depth exceeded";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TMP_PREFIX = "tmp-";
  /** The threads that create a layer's files while its tar is read (see {@link FileWriters}). */
  private static final int WRITERS = Integer.getInteger("docklab.unpack.writers", 2);
  private final Layout layout;
  private final TarExtractor extractor;
  private final Trash trash;
  private final ShortLinks shortLinks;
  private final Posix posix;
  private volatile boolean spread;

  public LayerStore(Layout layout, Posix posix) {
    this.layout = layout;
    this.posix = posix;
    this.extractor = new TarExtractor(posix);
    this.trash = new Trash(layout);
    this.shortLinks = new ShortLinks(layout);
  }

  /**
   * Refuses a layer on top of {@code layersBelow} layers when that passes {@link #MAX_DEPTH}, as Docker's
   * layer store refuses to register it (a pull, a load, a commit, a build step).
   */
  public static void checkDepth(int layersBelow) {
    if (layersBelow >= MAX_DEPTH) {
      throw EngineException.system(MAX_DEPTH_EXCEEDED, null);
    }
  }

  /** Whether the layer is here and complete (its mark written last is there). */
  public boolean has(Digest diffId) {
    LayerFiles files = layout.layerFiles(diffId);
    return Files.isRegularFile(files.complete()) && Files.isDirectory(files.diff())
        && Files.isRegularFile(files.config());
  }

  /**
   * The unpacked dirs of {@code diffIds} (bottom first, as an image lists them), top-most first, as
   * overlayfs stacks its lower dirs.
   */
  public List<Path> diffsTopFirst(List<Digest> diffIds) {
    List<Path> dirs = new ArrayList<>();
    for (Digest d : diffIds) {
      dirs.add(0, get(d).diff());
    }
    return dirs;
  }

  /** The layer with this diff id; it must be present. */
  public Layer get(Digest diffId) {
    if (!has(diffId)) {
      throw EngineException.notFound(EngineMessage.LAYER_NOT_UNPACKED, diffId, layout.layers());
    }
    try {
      Map<?, ?> meta = JSON.readValue(metaFile(diffId).toFile(), Map.class);
      return new Layer(diffId, layout.layerDiff(diffId), ((Number) meta.get("size")).longValue());
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.READ_FAILED, e, metaFile(diffId), AtomicFiles.describe(e));
    }
  }

  /**
   * Unpacks a layer tar, gzip- or zstd-compressed or not (detected from its first bytes), and returns it. The
   * diff id is computed over the uncompressed stream while it unpacks; when the store already has
   * that layer, the new copy is dropped and the shared one returned.
   */
  public Unpacked unpack(InputStream raw) {
    try (Staged staged = stage(raw)) {
      return staged.commit();
    }
  }

  /**
   * Unpacks a layer tar (as {@link #unpack}) into a temp directory of the store, reading {@code raw} to
   * its very end, so that a bad gzip or zstd trailer fails here: one thread decompresses and hashes,
   * this one reads the tar, and a few more create its files. Nothing is in the store until
   * {@link Staged#commit}; closing a staged layer that was not committed throws it away.
   */
  public Staged stage(InputStream raw) {
    Path tmp = null;
    try {
      Files.createDirectories(layout.layers());
      spreadLayers();
      tmp = Files.createTempDirectory(layout.layers(), TMP_PREFIX);
      LayerFiles staged = new LayerFiles(tmp);
      Path diff = Files.createDirectory(staged.diff());
      ExtractStats stats;
      Digest diffId;
      try (TarFeed tar = new TarFeed(raw)) {
        stats = extractor.extract(tar.stream(), diff, WRITERS);
        diffId = tar.drainedDigest();
      }
      // one walk of the new layer: its index (what explain layers reads), and its size from it
      long size = LayerIndex.write(staged).stream().filter(e -> e.kind() == LayerIndex.Kind.FILE)
          .mapToLong(LayerIndex.Entry::size).sum();
      AtomicFiles.write(staged.config(), JSON.writeValueAsBytes(Map.of("diffId", diffId.toString(),
          "size", size, "entries", stats.entries())));
      Staged done = new Staged(tmp, diffId, size, stats);
      tmp = null;
      return done;
    } catch (BoundedTarInputStream.OversizedTarException e) {
      throw EngineException.invalid(EngineMessage.LAYER_UNSAFE, e.getMessage());
    } catch (IOException e) {
      String why = AtomicFiles.describe(e);
      throw why.contains("no space")
          ? EngineException.system(EngineMessage.LAYER_UNPACK_NO_SPACE, e, why, layout.root())
          : EngineException.system(EngineMessage.LAYER_UNPACK_FAILED, e, why);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Has the filesystem place each new layer's directory as it places those of its root, spread over
   * its block groups (ext4's top-directory flag on {@code layers/}), not beside the layers before it.
   * ext4 without a journal passes over every inode freed in the last ~30 s at each inode it allocates
   * in a group: a pull just after an rmi of thousands of files created each of its files behind
   * thousands of such checks (tar -xzf the same, 2.5-3x slower than into a fresh group).
   */
  private void spreadLayers() {
    if (!spread) {
      try {
        posix.spreadSubdirectories(layout.layers());
      } catch (RuntimeException e) {
        // an optimisation only: the layers go where the filesystem puts them
      }
      spread = true;
    }
  }

  /** Renames a staged layer into place, unless the store has that layer already. */
  private synchronized Unpacked commit(Path tmp, Digest diffId, long size, ExtractStats stats) throws IOException {
    if (has(diffId)) {
      return new Unpacked(get(diffId), stats, false);
    }
    AtomicFiles.write(new LayerFiles(tmp).complete(), new byte[0]);
    trash.delete(layout.layerDir(diffId)); // an incomplete one, never used: it is replaced
    AtomicFiles.move(tmp, layout.layerDir(diffId));
    return new Unpacked(new Layer(diffId, layout.layerDiff(diffId), size), stats, true);
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Trees.deleteRecursively(tmp);
      } catch (IOException ignored) {
        // a temp dir left behind is removed by the next start's clean-up of layers/tmp-*
      }
    }
  }

  /** The result of {@link #unpack}: the layer, what unpacking did, and whether it was new. */
  public record Unpacked(Layer layer, ExtractStats stats, boolean created) {}

  /** A layer unpacked into a temp directory, whole and checked, not yet in the store (see {@link #stage}). */
  public final class Staged implements AutoCloseable {
    private Path tmp;
    private final Digest diffId;
    private final long size;
    private final ExtractStats stats;

    private Staged(Path tmp, Digest diffId, long size, ExtractStats stats) {
      this.tmp = tmp;
      this.diffId = diffId;
      this.size = size;
      this.stats = stats;
    }

    /** The digest of the uncompressed tar, for the caller to check before it commits. */
    public Digest diffId() {
      return diffId;
    }

    /** Puts the layer into the store (or returns the one there already); the temp directory is gone after. */
    public Unpacked commit() {
      if (tmp == null) {
        throw new IllegalStateException("layer " + diffId + " was committed or discarded already");
      }
      try {
        Unpacked done = LayerStore.this.commit(tmp, diffId, size, stats);
        if (done.created()) {
          tmp = null;
        }
        return done;
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.LAYER_STORE_ONE_FAILED, e, diffId, AtomicFiles.describe(e));
      } finally {
        close();
      }
    }

    /** Throws the temp directory away, unless it was committed. */
    @Override
    public void close() {
      deleteQuietly(tmp);
      tmp = null;
    }
  }

  /**
   * Removes a layer directory (callers check that no image uses it): renamed out of the store first,
   * so that a crash half-way leaves no half layer behind for a later load or pull to reuse. Its short
   * link in {@code l/}, if a deep mount made one, goes first: nothing would name it any more.
   */
  public synchronized void delete(Digest diffId) {
    try {
      shortLinks.drop(layout.layerDiff(diffId));
      trash.delete(layout.layerDir(diffId));
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.LAYER_DELETE_FAILED, e, diffId, AtomicFiles.describe(e));
    }
  }

  /**
   * What a crash may have left: layers half unpacked (temp dirs) or half deleted (in the trash) go;
   * layers of older data roots, which had no completeness mark, get one when their files still add up
   * to the size recorded when they were unpacked, and are otherwise never used again (an unpack of
   * the same layer replaces them).
   */
  public void recover() throws IOException {
    trash.empty();
    for (Path p : dirs()) {
      String name = p.getFileName().toString();
      if (name.startsWith(TMP_PREFIX)) {
        Trees.deleteRecursively(p);
      } else if (Digest.isDigest("sha256:" + name)) {
        markIfWhole(Digest.sha256(name));
      }
    }
  }

  /** The bytes of regular files a layer directory holds, complete or not (0 when it is gone). */
  public long sizeOnDisk(Digest diffId) {
    try {
      return Trees.size(layout.layerDiff(diffId));
    } catch (IOException e) {
      return 0;
    }
  }

  /** The diff ids of every layer directory in the store, complete or not. */
  public List<Digest> list() throws IOException {
    List<Digest> out = new ArrayList<>();
    for (Path p : dirs()) {
      String name = p.getFileName().toString();
      if (!name.startsWith(TMP_PREFIX) && Digest.isDigest("sha256:" + name)) {
        out.add(Digest.sha256(name));
      }
    }
    return out;
  }

  private List<Path> dirs() throws IOException {
    if (!Files.isDirectory(layout.layers())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(layout.layers())) {
      return list.toList();
    }
  }

  /** A layer of an older data root (no mark): marked complete when its files add up to its recorded size. */
  private void markIfWhole(Digest diffId) throws IOException {
    LayerFiles files = layout.layerFiles(diffId);
    if (Files.exists(files.complete()) || !Files.isRegularFile(files.config()) || !Files.isDirectory(files.diff())) {
      return;
    }
    Object size;
    try {
      size = JSON.readValue(files.config().toFile(), Map.class).get("size");
    } catch (IOException e) {
      return; // a layer.json cut short: never used
    }
    if (size instanceof Number n && n.longValue() == Trees.size(files.diff())) {
      AtomicFiles.write(files.complete(), new byte[0]);
    }
  }

  private Path metaFile(Digest diffId) {
    return layout.layerFiles(diffId).config();
  }

  /** Wraps {@code raw} in a gzip or zstd decoder when it starts with that format's magic bytes. */
  public static InputStream decompress(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 65536);
    in.mark(4);
    int b1 = in.read();
    int b2 = in.read();
    int b3 = in.read();
    int b4 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 65536);
    }
    if (b1 == 0x28 && b2 == 0xb5 && b3 == 0x2f && b4 == 0xfd) { // zstd's frame magic
      return new ZstdInputStream(in);
    }
    return in;
  }
}
