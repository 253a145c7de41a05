package dev.docklab.engine.service;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.PathStat;
import dev.docklab.engine.container.ContainerPaths;
import dev.docklab.engine.container.ContainerService;
import dev.docklab.engine.layer.OverwriteRefusedException;
import dev.docklab.engine.layer.TarExtractor;
import dev.docklab.engine.layer.TarWriter;
import dev.docklab.engine.sys.Posix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code docker cp}'s three operations on a container (the Engine API's {@code /archive}): stat a path,
 * read a path as a tar, extract a tar into a directory; always inside the container's root and mounts.
 */
final class ContainerArchives {
  private final EngineParts p;
  private final TarExtractor extractor = new TarExtractor(Posix.host());

  ContainerArchives(EngineParts parts) {
    this.p = parts;
  }

  PathStat stat(String ref, String path) {
    return withRoot(ref, (c, paths) -> stat(ref, path, paths));
  }

  PathStat archive(String ref, String path, OutputStream out) {
    return withRoot(ref, (c, paths) -> {
      PathStat stat = stat(ref, path, paths);
      String clean = lookup(path, paths);
      String name = stat.name().equals("/") ? "." : stat.name();
      try (TarWriter tar = new TarWriter(out)) {
        add(tar, paths, clean, name);
      }
      return stat;
    });
  }

  void extract(String ref, String dir, InputStream in, boolean copyUidGid, boolean noOverwriteDirNonDir) {
    withRoot(ref, (c, paths) -> {
      String clean = paths.resolve(dir, true);
      Path host = paths.host(clean);
      if (!ContainerPaths.exists(host)) {
        throw notFound(ref, dir);
      }
      if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
        throw EngineException.invalid("extraction point is not a directory");
      }
      Container.MountPoint m = paths.mountOf(clean);
      if (m != null && m.readOnly()) {
        throw EngineException.invalid("mounted volume is marked read-only");
      }
      try {
        extractor.extractCopy(in, host, new TarExtractor.CopyOptions(copyUidGid, noOverwriteDirNonDir));
      } catch (OverwriteRefusedException e) {
        throw EngineException.invalid(e.getMessage());
      }
      return null;
    });
  }

  private <T> T withRoot(String ref, ContainerService.RootWork<T> work) {
    try {
      return p.containers().withRoot(ref, work);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.CONTAINER_COPY_FAILED, e, ref, e.getMessage());
    }
  }

  private static PathStat stat(String ref, String path, ContainerPaths paths) throws IOException {
    String clean = lookup(path, paths);
    Path host = paths.host(clean);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw notFound(ref, path);
    }
    if (assertsDirectory(path) && !attrs.isDirectory()) {
      throw EngineException.invalid("lstat " + path + ": not a directory");
    }
    int mode = (Integer) Files.getAttribute(host, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    String target = attrs.isSymbolicLink() ? paths.resolve(clean, true) : "";
    return new PathStat(base(path), attrs.size(), mode, attrs.lastModifiedTime().toInstant(), target);
  }

  /** The clean container path of {@code path}: its last component is followed only when it asserts a directory. */
  private static String lookup(String path, ContainerPaths paths) throws IOException {
    String trimmed = path.replaceAll("/+$", "");
    boolean followLast = assertsDirectory(path) || trimmed.endsWith("/..") || trimmed.equals("..");
    return paths.resolve(path, followLast);
  }

  /** Go's {@code filepath.Base} of {@code path}: {@code .} for {@code a/.}, {@code /} for the root. */
  static String base(String path) {
    String trimmed = path.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return path.isEmpty() ? "." : "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static boolean assertsDirectory(String path) {
    return path.endsWith("/") || base(path).equals(".");
  }

  private static EngineException notFound(String ref, String path) {
    return EngineException.notFound("Could not find the file " + path + " in container " + ref);
  }

  /** Adds container path {@code clean} as {@code name}, and everything under it, as the container sees it. */
  private static void add(TarWriter tar, ContainerPaths paths, String clean, String name) throws IOException {
    Path host = paths.host(clean);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // gone while it was read: a running container changes its files
    }
    tar.add(name, host, attrs);
    if (!attrs.isDirectory() || clean.equals("/proc") || clean.equals("/sys")) {
      return;
    }
    List<String> children;
    try (Stream<Path> list = Files.list(host)) {
      children = list.map(c -> c.getFileName().toString()).sorted().toList();
    }
    for (String child : children) {
      add(tar, paths, clean.equals("/") ? "/" + child : clean + "/" + child, name + "/" + child);
    }
  }
}
