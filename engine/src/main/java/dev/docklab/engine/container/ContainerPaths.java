package dev.docklab.engine.container;

import dev.docklab.engine.api.Container;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A container's paths as its processes see them: its root with the volumes and bind mounts over it,
 * every symlink followed inside the container only (Docker's {@code FollowSymlinkInScope}): an
 * absolute link starts again at the container's root, and {@code ..} stops there. So no container
 * path ever names a host file outside the root and the mounts.
 */
public final class ContainerPaths {
  /** As Linux and Docker's scoped resolver: more links than this in one path is a loop. */
  private static final int MAX_LINKS = 255;
  private final Path root;
  private final List<Container.MountPoint> mounts;

  /** The paths of a container whose root is at {@code root} (a mounted or copied root) with {@code mounts} over it. */
  public ContainerPaths(Path root, List<Container.MountPoint> mounts) {
    this.root = root;
    this.mounts = mounts.stream()
        .sorted(Comparator.comparingInt((Container.MountPoint m) -> clean(m.destination()).length()).reversed())
        .toList();
  }

  /** {@code path} made absolute and clean ({@code a/../b/} is {@code /b}), without following anything. */
  public static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /**
   * The clean container path {@code path} leads to, every symlink on the way followed inside the
   * container; the last component's too when {@code followLast}. Missing components are kept as named.
   */
  public String resolve(String path, boolean followLast) throws IOException {
    Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      String candidate = join(done, part);
      Path host = host(candidate);
      if ((todo.isEmpty() && !followLast) || !Files.isSymbolicLink(host) || isMountPoint(candidate)) {
        done.add(part);
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new FileSystemException(path, null, "too many levels of symbolic links");
      }
      String target = Files.readSymbolicLink(host).toString();
      if (target.startsWith("/")) {
        done.clear();
      }
      List<String> targetParts = List.of(target.split("/"));
      for (int i = targetParts.size() - 1; i >= 0; i--) {
        todo.addFirst(targetParts.get(i));
      }
    }
    return "/" + String.join("/", done);
  }

  /** Where the clean container path {@code clean} lies on the host: in the mount it falls in, else in the root. */
  public Path host(String clean) {
    Container.MountPoint m = mountOf(clean);
    if (m == null) {
      return clean.equals("/") ? root : root.resolve(clean.substring(1));
    }
    String dest = clean(m.destination());
    String rest = clean.substring(dest.length());
    Path source = Path.of(m.source());
    return rest.isEmpty() ? source : source.resolve(rest.substring(1));
  }

  /** The volume or bind mount the clean path {@code clean} falls in; null when it is in the root. */
  public Container.MountPoint mountOf(String clean) {
    for (Container.MountPoint m : mounts) {
      String dest = clean(m.destination());
      if (clean.equals(dest) || clean.startsWith(dest.equals("/") ? "/" : dest + "/")) {
        return m;
      }
    }
    return null;
  }

  private boolean isMountPoint(String clean) {
    return mounts.stream().anyMatch(m -> clean(m.destination()).equals(clean));
  }

  /** Whether {@code host} exists, not following a last symlink. */
  public static boolean exists(Path host) {
    return Files.exists(host, LinkOption.NOFOLLOW_LINKS);
  }

  private static String join(List<String> done, String part) {
    return done.isEmpty() ? "/" + part : "/" + String.join("/", done) + "/" + part;
  }
}
