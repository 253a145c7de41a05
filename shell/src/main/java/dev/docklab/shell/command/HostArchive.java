package dev.docklab.shell.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The host's side of {@code docker cp}: a host path as a tar (owners, modes and times kept, symlinks as
 * links), and a tar unpacked into a host directory as the docker CLI unpacks it (owners not kept, no
 * directory replaced by a file nor a file by a directory, nothing written outside the directory).
 */
final class HostArchive {
  private HostArchive() {}

  /** Writes {@code source} (a directory with everything under it) as entries named {@code name}... */
  static void tar(Path source, String name, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    add(tar, source, name);
    tar.finish();
    tar.flush();
  }

  private static void add(TarArchiveOutputStream tar, Path p, String name) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    TarArchiveEntry e;
    if (attrs.isDirectory()) {
      e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
    } else if (attrs.isSymbolicLink()) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (attrs.isRegularFile()) {
      e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
      e.setSize(attrs.size());
    } else {
      return; // devices, fifos and sockets stay on the host, as the docker CLI leaves sockets
    }
    e.setMode((Integer) unix.get("mode") & 07777);
    e.setIds((Integer) unix.get("uid"), (Integer) unix.get("gid"));
    e.setModTime(attrs.lastModifiedTime().toMillis());
    tar.putArchiveEntry(e);
    if (attrs.isRegularFile()) {
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
    if (attrs.isDirectory()) {
      List<Path> children;
      try (Stream<Path> list = Files.list(p)) {
        children = list.sorted().toList();
      }
      String prefix = name.endsWith("/") ? name : name + "/";
      for (Path c : children) {
        add(tar, c, prefix + c.getFileName());
      }
    }
  }

  /**
   * Unpacks the tar {@code in} into the existing directory {@code dir}, each name passed through
   * {@code rename} first; fails on a name that leaves {@code dir} or goes through a symlink.
   */
  static void untar(InputStream in, Path dir, UnaryOperator<String> rename) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
    List<Path> dirs = new ArrayList<>();
    List<FileTime> dirTimes = new ArrayList<>();
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      String name = rename.apply(e.getName());
      List<String> parts = parts(name);
      if (parts.isEmpty()) {
        continue;
      }
      Path parent = dir;
      for (int i = 0; i < parts.size() - 1; i++) {
        parent = parent.resolve(parts.get(i));
        if (Files.isSymbolicLink(parent) || (Files.exists(parent) && !Files.isDirectory(parent))) {
          throw new IOException("refusing to write " + name + " through " + parent);
        }
        if (!Files.exists(parent)) {
          Files.createDirectory(parent);
        }
      }
      Path path = parent.resolve(parts.get(parts.size() - 1));
      BasicFileAttributes old = attrs(path);
      if (old != null && old.isDirectory() && !e.isDirectory()) {
        throw new IOException("cannot overwrite directory \"" + path + "\" with non-directory \"" + dir + "\"");
      }
      if (old != null && !old.isDirectory() && e.isDirectory()) {
        throw new IOException("cannot overwrite non-directory \"" + path + "\" with directory \"" + dir + "\"");
      }
      if (old != null && !old.isDirectory()) {
        Files.delete(path);
      }
      if (e.isDirectory()) {
        if (old == null) {
          Files.createDirectory(path);
        }
        Files.setPosixFilePermissions(path, permissions(e.getMode()));
        dirs.add(path);
        dirTimes.add(e.getLastModifiedTime());
        continue;
      }
      if (e.isSymbolicLink()) {
        Files.createSymbolicLink(path, Path.of(e.getLinkName()));
        continue;
      }
      if (e.isLink()) {
        List<String> target = parts(rename.apply(e.getLinkName()));
        Path source = dir.resolve(String.join("/", target));
        if (target.isEmpty() || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("invalid hardlink " + name + " -> " + e.getLinkName());
        }
        Files.createLink(path, source);
        continue;
      }
      if (!e.isFile()) {
        continue; // devices and fifos are not made on the host, as an unprivileged docker CLI cannot
      }
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
        tar.transferTo(out);
      }
      Files.setPosixFilePermissions(path, permissions(e.getMode()));
      Files.setLastModifiedTime(path, e.getLastModifiedTime());
    }
    for (int i = dirs.size() - 1; i >= 0; i--) {
      Files.setLastModifiedTime(dirs.get(i), dirTimes.get(i));
    }
  }

  /** A name's clean components; a name that climbs out of the directory is refused. */
  private static List<String> parts(String name) throws IOException {
    if (name.startsWith("/")) {
      name = name.substring(1);
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new IOException("invalid tar entry " + name + ": it leaves the destination");
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return parts;
  }

  private static BasicFileAttributes attrs(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }
}
