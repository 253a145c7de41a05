package dev.docklab.engine.layer;

import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks one layer tar (OCI form) into a directory in overlayfs form.
 *
 * <p>OCI whiteouts become overlayfs ones: {@code .wh.NAME} turns into a character device 0:0 named
 * NAME, {@code DIR/.wh..wh..opq} into the xattr {@code trusted.overlay.opaque=y} on DIR. Modes
 * (with setuid, setgid and sticky), owners, mtimes, symlinks, hardlinks, devices, fifos and xattrs
 * are kept. Every entry is checked first: an absolute name, a name that climbs out with
 * {@code ..}, a write through a symlink, or a hardlink to something outside is refused with an
 * {@link UnsafeEntryException} naming the entry, and nothing outside the target is written.
 */
public final class TarExtractor {
  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";
  static final String OVERLAY_OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final String PAX_XATTR = "SCHILY.xattr.";

  private final Posix posix;

  public TarExtractor(Posix posix) {
    this.posix = posix;
  }

  /**
   * How {@code docker cp} unpacks into a container: {@code .wh.} names are plain files there, and the
   * same checks keep every entry inside the target.
   *
   * @param keepOwners keep the tar's owners ({@code docker cp -a}); otherwise everything is root's (0:0)
   * @param noOverwriteDirNonDir refuse to replace a directory by a non-directory, or the other way round
   */
  public record CopyOptions(boolean keepOwners, boolean noOverwriteDirNonDir) {}

  /** Unpacks the uncompressed tar {@code in} into {@code target}, which must exist. */
  public ExtractStats extract(InputStream in, Path target) throws IOException {
    return extract(in, target, 0);
  }

  /**
   * Unpacks the uncompressed tar {@code in} into {@code target}, which must exist, with {@code writers}
   * threads creating its regular files while this one reads the tar (0: all on this thread).
   */
  public ExtractStats extract(InputStream in, Path target, int writers) throws IOException {
    KnownPaths known;
    try (DirectoryStream<Path> list = Files.newDirectoryStream(target)) {
      known = list.iterator().hasNext() ? KnownPaths.unknown() : KnownPaths.empty(target);
    }
    try (FileWriters files = new FileWriters(writers)) {
      return extract(in, target, null, files, known);
    }
  }

  /** Unpacks the uncompressed tar {@code in} into the existing directory {@code target}, as a copy. */
  public ExtractStats extractCopy(InputStream in, Path target, CopyOptions copy) throws IOException {
    try (FileWriters files = new FileWriters(0)) {
      return extract(in, target, copy, files, KnownPaths.unknown());
    }
  }

  private ExtractStats extract(InputStream in, Path target, CopyOptions copy, FileWriters files,
      KnownPaths known) throws IOException {
    TarArchiveInputStream tar = new BoundedTarInputStream(in);
    List<TarArchiveEntry> dirs = new ArrayList<>();
    List<Path> dirPaths = new ArrayList<>();
    int entries = 0;
    int whiteouts = 0;
    int opaque = 0;
    long bytes = 0;
    byte[] big = null; // the buffer of the files too big to hold, made at the first
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (entry.isGlobalPaxHeader()) {
        continue;
      }
      List<String> parts = safeParts(entry.getName(), entry.getName());
      if (parts.isEmpty()) {
        // "./" itself: the layer root keeps its own metadata.
        continue;
      }
      Path parent = ensureParents(target, parts, entry.getName(), files, known);
      String base = parts.get(parts.size() - 1);
      entries++;
      if (copy == null && base.startsWith(WHITEOUT_PREFIX)) {
        if (base.equals(OPAQUE_MARKER)) {
          posix.lsetxattr(parent, OVERLAY_OPAQUE_XATTR, "y".getBytes(StandardCharsets.UTF_8));
          opaque++;
        } else if (!base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
          String hidden = base.substring(WHITEOUT_PREFIX.length());
          if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw new UnsafeEntryException(entry.getName(), "a whiteout must name a file in its directory");
          }
          Path path = parent.resolve(hidden);
          removeExisting(path, false, files, known);
          posix.mknod(path, Posix.S_IFCHR, 0, 0);
          known.made(path);
          posix.lchown(path, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
          whiteouts++;
        }
        continue;
      }
      Path path = parent.resolve(base);
      if (copy != null && copy.noOverwriteDirNonDir()) {
        refuseDirNonDir(path, entry, target);
      }
      removeExisting(path, entry.isDirectory(), files, known);
      if (entry.isDirectory()) {
        if (!known.directory(path) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(path);
        }
        known.dir(path);
        dirs.add(entry);
        dirPaths.add(path);
      } else if (entry.isSymbolicLink()) {
        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        known.made(path);
      } else if (entry.isLink()) {
        List<String> linkParts = safeParts(entry.getLinkName(), entry.getName());
        if (linkParts.isEmpty()) {
          throw new UnsafeEntryException(entry.getName(), "a hardlink cannot point at the layer root");
        }
        Path linkParent = checkParents(target, linkParts, entry.getName(), files);
        Path source = linkParent.resolve(linkParts.get(linkParts.size() - 1));
        files.settle(source); // the file it names is whole before the link shares it
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          throw new UnsafeEntryException(entry.getName(), "its hardlink target \""
              + EntryNames.brief(entry.getLinkName()) + "\" is not a file unpacked earlier in this layer");
        }
        Files.createLink(path, source);
        known.made(path);
        continue; // a hardlink shares the metadata of its target
      } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
        int type = entry.isFIFO() ? Posix.S_IFIFO : entry.isCharacterDevice() ? Posix.S_IFCHR : Posix.S_IFBLK;
        posix.mknod(path, type | (entry.getMode() & 07777), entry.getDevMajor(), entry.getDevMinor());
        known.made(path);
      } else if (entry.isFile()) {
        boolean keepOwners = copy == null || copy.keepOwners();
        if (entry.getSize() <= FileWriters.MAX_HELD) {
          int size = (int) entry.getSize();
          FileWriters.Body body = files.hold(size);
          int read = tar.readNBytes(body.bytes(), body.offset(), size);
          if (read < size) {
            throw new EOFException("the tar ends inside " + EntryNames.brief(entry.getName()));
          }
          TarArchiveEntry e = entry;
          known.made(path);
          Set<PosixFilePermission> mode = copy == null ? known.creationMode(e.getMode() & 07777) : null;
          files.submit(path, body, () -> {
            write(path, body, mode);
            applyMetadata(path, e, true, keepOwners, known, mode != null);
          });
          bytes += read;
          continue;
        }
        known.made(path);
        if (big == null) {
          big = new byte[FileWriters.MAX_HELD];
        }
        bytes += writeBig(tar, path, big);
      } else {
        continue; // other entry types (e.g. GNU sparse headers) carry no file of their own
      }
      if (entry.isDirectory() && (entry.getMode() & 02000) != 0) {
        files.settleAll(); // no file is being made in a directory whose group its files take from now on
        known.setgidDirectory();
      }
      applyMetadata(path, entry, !entry.isDirectory(), copy == null || copy.keepOwners(), known, false);
    }
    files.settleAll();
    // Directory times last: writing their children would change them again.
    for (int i = dirs.size() - 1; i >= 0; i--) {
      applyTimes(dirPaths.get(i), dirs.get(i));
    }
    return new ExtractStats(entries, whiteouts, opaque, bytes);
  }

  /** Splits an entry name into clean components, refusing absolute names and escapes. */
  static List<String> safeParts(String name, String entryName) {
    if (name.startsWith("/")) {
      throw new UnsafeEntryException(entryName, "\"" + EntryNames.brief(name) + "\" is an absolute path");
    }
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeEntryException(entryName, "the name contains a NUL byte");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new UnsafeEntryException(entryName, "\"" + EntryNames.brief(name)
              + "\" climbs out of the layer directory through \"..\"");
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return parts;
  }

  private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
      LinkOption.NOFOLLOW_LINKS);

  /** Creates {@code path} holding {@code body}, with {@code mode} when not null. */
  private static void write(Path path, FileWriters.Body body, Set<PosixFilePermission> mode) throws IOException {
    try (SeekableByteChannel out = mode == null ? Files.newByteChannel(path, CREATE)
        : Files.newByteChannel(path, CREATE, PosixFilePermissions.asFileAttribute(mode))) {
      ByteBuffer buf = ByteBuffer.wrap(body.bytes(), body.offset(), body.length());
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }
  }

  /**
   * Creates {@code path} from the rest of the current entry of {@code tar}, through {@code buf} filled
   * whole each time: writes of a constant, block-aligned size spare the kernel zeroing the part of each
   * new block that a short write leaves (a tar's reads end where its 512-byte records and its input's
   * chunks happen to). Returns the bytes written.
   */
  private static long writeBig(InputStream tar, Path path, byte[] buf) throws IOException {
    long written = 0;
    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = tar.readNBytes(buf, 0, buf.length)) > 0) {
        out.write(buf, 0, n);
        written += n;
      }
    }
    return written;
  }

  /** Walks the parent components, creating missing directories, refusing symlinks and files. */
  private static Path ensureParents(Path target, List<String> parts, String entryName, FileWriters files,
      KnownPaths known) throws IOException {
    Path dir = target;
    for (int i = 0; i < parts.size() - 1; i++) {
      dir = dir.resolve(parts.get(i));
      if (known.directory(dir)) {
        continue;
      }
      files.settle(dir);
      BasicFileAttributes attrs = known.absent(dir) ? null : attrsOrNull(dir);
      if (attrs == null) {
        Files.createDirectory(dir);
      } else {
        refuseNonDirectory(attrs, target, dir, entryName);
      }
      known.dir(dir);
    }
    return dir;
  }

  /** Like {@link #ensureParents} but creates nothing: for hardlink targets. */
  private static Path checkParents(Path target, List<String> parts, String entryName, FileWriters files)
      throws IOException {
    Path dir = target;
    for (int i = 0; i < parts.size() - 1; i++) {
      dir = dir.resolve(parts.get(i));
      files.settle(dir);
      BasicFileAttributes attrs = attrsOrNull(dir);
      if (attrs == null) {
        throw new UnsafeEntryException(entryName, "its hardlink target directory \""
            + EntryNames.brief(target.relativize(dir).toString())
            + "\" does not exist in this layer");
      }
      refuseNonDirectory(attrs, target, dir, entryName);
    }
    return dir;
  }

  private static void refuseNonDirectory(BasicFileAttributes attrs, Path target, Path dir, String entryName) {
    if (attrs.isSymbolicLink()) {
      throw new UnsafeEntryException(entryName, "it would be written through the symlink \""
          + EntryNames.brief(target.relativize(dir).toString()) + "\"");
    }
    if (!attrs.isDirectory()) {
      throw new UnsafeEntryException(entryName, "its parent \""
          + EntryNames.brief(target.relativize(dir).toString()) + "\" is not a directory");
    }
  }

  private static BasicFileAttributes attrsOrNull(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * A later entry replaces an earlier one, except that a directory over a directory merges; a directory
   * is deleted only when no writer is still creating files in it.
   */
  private static void removeExisting(Path path, boolean newIsDir, FileWriters files, KnownPaths known)
      throws IOException {
    if (known.absent(path)) {
      return;
    }
    files.settle(path);
    BasicFileAttributes attrs = attrsOrNull(path);
    if (attrs == null || (attrs.isDirectory() && newIsDir)) {
      return;
    }
    if (attrs.isDirectory()) {
      files.settleAll();
    }
    known.deleted(path);
    Trees.deleteRecursively(path);
  }

  private static void refuseDirNonDir(Path path, TarArchiveEntry entry, Path target) throws IOException {
    BasicFileAttributes attrs = attrsOrNull(path);
    if (attrs == null) {
      return;
    }
    String shown = "/" + target.relativize(path);
    if (attrs.isDirectory() && !entry.isDirectory()) {
      throw new OverwriteRefusedException("cannot overwrite directory \"" + EntryNames.brief(shown)
          + "\" with non-directory \"" + EntryNames.brief(entry.getName()) + "\"");
    }
    if (!attrs.isDirectory() && entry.isDirectory()) {
      throw new OverwriteRefusedException("cannot overwrite non-directory \"" + EntryNames.brief(shown)
          + "\" with directory \"" + EntryNames.brief(entry.getName()) + "\"");
    }
  }

  /**
   * Owner, mode, xattrs and (unless a directory's, set last) times; the owner or mode the file got when
   * it was made ({@code modeSet}) is not set again.
   */
  private void applyMetadata(Path path, TarArchiveEntry entry, boolean withTimes, boolean keepOwners,
      KnownPaths known, boolean modeSet) {
    if (!keepOwners) {
      posix.lchown(path, 0, 0);
    } else if (!known.ownedAlready(entry.getLongUserId(), entry.getLongGroupId())) {
      posix.lchown(path, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
    }
    if (!entry.isSymbolicLink() && !modeSet) {
      posix.chmod(path, entry.getMode() & 07777);
    }
    for (Map.Entry<String, String> pax : entry.getExtraPaxHeaders().entrySet()) {
      if (pax.getKey().startsWith(PAX_XATTR)) {
        posix.lsetxattr(path, pax.getKey().substring(PAX_XATTR.length()),
            pax.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (withTimes) {
      applyTimes(path, entry);
    }
  }

  private void applyTimes(Path path, TarArchiveEntry entry) {
    FileTime t = entry.getLastModifiedTime();
    Instant instant = t.toInstant();
    posix.lutimes(path, instant.getEpochSecond(), instant.getNano());
  }
}
