package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Hardening;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's device nodes as the OCI spec lists them ({@code linux.devices}) and the cgroup rules that let a
 * container use them: one {@code --device}, or all of /dev for {@code --privileged}, as runc's HostDevices.
 */
final class DeviceNodes {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  /** What runc leaves out of /dev when it copies the host's devices. */
  private static final Set<String> SKIPPED = Set.of("pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev");

  /** One node: its OCI {@code linux.devices} entry and its cgroup rule. */
  record Node(Map<String, Object> device, Map<String, Object> rule) {}

  private DeviceNodes() {}

  /**
   * The node(s) of one {@code --device}: a device file, or every device under a directory; Docker's error when
   * there is none.
   */
  static List<Node> of(Hardening.Device d) {
    Path host = Path.of(d.pathOnHost());
    try {
      Path real = Files.isSymbolicLink(host) ? host.toRealPath() : host;
      Node one = node(real, d.pathInContainer(), d.cgroupPermissions());
      if (one != null) {
        return List.of(one);
      }
      if (Files.isDirectory(real)) {
        List<Node> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(real)) {
          for (Path p : all.sorted().toList()) {
            String inside = d.pathInContainer() + p.toString().substring(real.toString().length());
            Node n = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? null : node(p, inside, d.cgroupPermissions());
            if (n != null) {
              out.add(n);
            }
          }
        }
        if (!out.isEmpty()) {
          return out;
        }
      }
      throw gathering(d, "not a device node");
    } catch (NoSuchFileException e) {
      throw gathering(d, "no such file or directory");
    } catch (IOException e) {
      throw gathering(d, e.getMessage());
    }
  }

  /** Every device node of the host's /dev, for a privileged container. */
  static List<Node> host() {
    List<Node> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(Path.of("/dev"))) {
      for (Path p : all.sorted().toList()) {
        if (p.getNameCount() > 1 && SKIPPED.contains(p.getName(1).toString())
            || p.toString().equals("/dev/console") || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Node n = node(p, p.toString(), "rwm");
        if (n != null) {
          out.add(n);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a node that vanished while listed: the rest still make a privileged /dev
    }
    return out;
  }

  /** A device file's node, or null when {@code path} is not a character or block device. */
  private static Node node(Path path, String inside, String access) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    String type = (mode & S_IFMT) == S_IFCHR ? "c" : (mode & S_IFMT) == S_IFBLK ? "b" : null;
    if (type == null) {
      return null;
    }
    long rdev = (Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
    long major = ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL);
    long minor = (rdev & 0xff) | ((rdev >> 12) & ~0xffL);
    Map<String, Object> dev = new LinkedHashMap<>();
    dev.put("path", inside);
    dev.put("type", type);
    dev.put("major", major);
    dev.put("minor", minor);
    dev.put("fileMode", mode & 07777);
    dev.put("uid", Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    dev.put("gid", Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    return new Node(dev, rule(type, major, minor, access));
  }

  /** A cgroup device rule that allows {@code access}; a negative number is any. */
  static Map<String, Object> rule(String type, long major, long minor, String access) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("allow", true);
    r.put("type", type);
    if (major >= 0) {
      r.put("major", major);
    }
    if (minor >= 0) {
      r.put("minor", minor);
    }
    r.put("access", access);
    return r;
  }

  private static EngineException gathering(Hardening.Device d, String why) {
    return EngineException.invalid("error gathering device information while adding custom device \""
        + d.pathOnHost() + "\": " + why);
  }
}
