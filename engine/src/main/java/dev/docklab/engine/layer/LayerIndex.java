package dev.docklab.engine.layer;

import dev.docklab.engine.store.AtomicFiles;
import dev.docklab.engine.store.LayerFiles;
import dev.docklab.engine.sys.Posix;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A layer's entries (path, kind, size), read once from its diff dir when the layer becomes final and kept
 * beside it in {@code index}, so that {@code explain layers} reads one small file a layer instead of
 * walking every layer dir. A layer never changes once in the store, so its index stays true; a layer
 * of an older docklab, without one, gets it on first use.
 */
public final class LayerIndex {
  private static final int MAGIC = 0x444c4958; // "DLIX"
  private static final int VERSION = 1;
  private static final String OPAQUE_XATTR = "trusted.overlay.opaque";

  private LayerIndex() {}

  /** What an entry of a layer dir is, in overlayfs's form. */
  public enum Kind {
    DIRECTORY('d'), OPAQUE_DIRECTORY('o'), FILE('f'), SYMLINK('l'), WHITEOUT('w'), OTHER('x');

    private final char code;

    Kind(char code) {
      this.code = code;
    }

    static Kind of(int code) throws CorruptIndexException {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      throw new CorruptIndexException("an unknown entry kind " + code);
    }
  }

  /**
   * One entry of a layer dir, in the order a walk of the dir meets it (a directory before its contents).
   *
   * @param path relative to the diff dir, without a leading slash
   * @param kind what it is
   * @param size bytes of a regular file, 0 for anything else
   */
  public record Entry(String path, Kind kind, long size) {}

  /** Walks the layer's diff dir and writes its index beside it, atomically: once it is unpacked whole. */
  public static List<Entry> write(LayerFiles layer) throws IOException {
    List<Entry> entries = walk(layer.diff());
    AtomicFiles.write(layer.index(), encode(entries));
    return entries;
  }

  /**
   * The layer's entries from its index; when it has none (made by an older docklab) or an unreadable one,
   * the diff dir is walked and the index written, so that the next call only reads it.
   */
  public static List<Entry> read(LayerFiles layer) throws IOException {
    try (InputStream in = Files.newInputStream(layer.index())) {
      return decode(in);
    } catch (NoSuchFileException | CorruptIndexException e) {
      return write(layer);
    }
  }

  /** The entries of a diff dir, as a walk of it meets them. */
  public static List<Entry> walk(Path diff) throws IOException {
    List<Entry> list = new ArrayList<>();
    if (!Files.isDirectory(diff)) {
      return list;
    }
    Posix posix = Posix.host();
    Files.walkFileTree(diff, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(diff)) {
          byte[] opaque = posix.lgetxattr(dir, OPAQUE_XATTR);
          boolean isOpaque = opaque != null && opaque.length == 1 && opaque[0] == 'y';
          list.add(new Entry(diff.relativize(dir).toString(), isOpaque ? Kind.OPAQUE_DIRECTORY : Kind.DIRECTORY, 0));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Kind kind = attrs.isRegularFile() ? Kind.FILE
            : attrs.isSymbolicLink() ? Kind.SYMLINK
            : attrs.isDirectory() ? Kind.DIRECTORY
            : isWhiteout(file) ? Kind.WHITEOUT : Kind.OTHER;
        list.add(new Entry(diff.relativize(file).toString(), kind, attrs.isRegularFile() ? attrs.size() : 0));
        return FileVisitResult.CONTINUE;
      }
    });
    return list;
  }

  /** overlayfs's whiteout: a character device 0:0. */
  private static boolean isWhiteout(Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    return (((Integer) a.get("mode")) & 0170000) == Posix.S_IFCHR && ((Long) a.get("rdev")) == 0L;
  }

  static byte[] encode(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entries.size() * 32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(entries.size());
      for (Entry e : entries) {
        out.writeByte(e.kind().code);
        out.writeLong(e.size());
        out.writeUTF(e.path());
      }
    }
    return bytes.toByteArray();
  }

  static List<Entry> decode(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 65536));
    try {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new CorruptIndexException("not a layer index of this version");
      }
      int n = in.readInt();
      if (n < 0) {
        throw new CorruptIndexException("a negative entry count");
      }
      List<Entry> entries = new ArrayList<>(Math.min(n, 1 << 20));
      for (int i = 0; i < n; i++) {
        Kind kind = Kind.of(in.readUnsignedByte());
        long size = in.readLong();
        entries.add(new Entry(in.readUTF(), kind, size));
      }
      if (in.read() != -1) {
        throw new CorruptIndexException("bytes after the last entry");
      }
      return entries;
    } catch (EOFException e) {
      throw new CorruptIndexException("cut short");
    }
  }

  /** An index file that is not one this docklab wrote whole: it is rebuilt from the diff dir. */
  private static final class CorruptIndexException extends IOException {
    CorruptIndexException(String why) {
      super(why);
    }
  }
}
