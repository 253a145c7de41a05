package dev.docklab.engine.container;

import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves a USER value ({@code name}, {@code uid}, {@code uid:gid}, {@code name:group}) against a rootfs. */
final class Users {
  private Users() {}

  /** Returns {uid, gid}. */
  static int[] resolve(String user, Path rootfs) {
    if (user == null || user.isEmpty()) {
      return new int[] {0, 0};
    }
    String[] parts = user.split(":", 2);
    int uid;
    int gid;
    String[] passwd = lookup(rootfs.resolve("etc/passwd"), parts[0], 4);
    if (parts[0].matches("\\d+")) {
      uid = Integer.parseInt(parts[0]);
      gid = passwd == null ? 0 : Integer.parseInt(passwd[3]);
    } else if (passwd != null) {
      uid = Integer.parseInt(passwd[2]);
      gid = Integer.parseInt(passwd[3]);
    } else {
      throw EngineException.invalid("unable to find user " + parts[0] + ": no matching entries in passwd file");
    }
    if (parts.length == 2) {
      if (parts[1].matches("\\d+")) {
        gid = Integer.parseInt(parts[1]);
      } else {
        String[] group = lookup(rootfs.resolve("etc/group"), parts[1], 3);
        if (group == null) {
          throw EngineException.invalid("unable to find group " + parts[1] + ": no matching entries in group file");
        }
        gid = Integer.parseInt(group[2]);
      }
    }
    return new int[] {uid, gid};
  }

  /**
   * The process's supplementary group ids besides its primary group, as Docker gives them: when {@code user}
   * names no group, the groups of the container's /etc/group that list the user (root, for no user) as a
   * member; then each {@code --group-add}, a name in /etc/group or a number.
   */
  static List<String> groups(String user, List<String> groupAdd, Path rootfs) {
    Set<String> out = new LinkedHashSet<>();
    String[] parts = user == null ? new String[] {""} : user.split(":", 2);
    List<String[]> group = entries(rootfs.resolve("etc/group"));
    if (parts.length == 1) {
      String[] passwd = parts[0].isEmpty() ? lookup(rootfs.resolve("etc/passwd"), "0", 4)
          : lookup(rootfs.resolve("etc/passwd"), parts[0], 4);
      if (passwd != null) {
        for (String[] g : group) {
          if (g.length >= 4 && List.of(g[3].split(",")).contains(passwd[0])) {
            out.add(g[2]);
          }
        }
      }
    }
    for (String wanted : groupAdd) {
      String gid = group.stream().filter(g -> g[0].equals(wanted) || g[2].equals(wanted)).map(g -> g[2])
          .findFirst().orElse(null);
      if (gid == null && !wanted.matches("\\d{1,10}")) {
        throw EngineException.invalid("Unable to find group " + wanted + ": no matching entries in group file");
      }
      out.add(gid == null ? String.valueOf(Long.parseLong(wanted)) : gid);
    }
    return List.copyOf(out);
  }

  /** Every line of an /etc/passwd or /etc/group file, split at its colons. */
  private static List<String[]> entries(Path file) {
    List<String[]> out = new ArrayList<>();
    try {
      boolean safe = !Files.isSymbolicLink(file.getParent()) && !Files.isSymbolicLink(file) && Files.isRegularFile(file);
      for (String line : safe ? Files.readAllLines(file) : List.<String>of()) {
        String[] f = line.split(":", -1);
        if (f.length >= 3 && f[2].matches("\\d+")) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      // no such file in the image: only numeric ids work
    }
    return out;
  }

  /** The colon-separated fields of the line whose name (or, for a number, id) matches. */
  private static String[] lookup(Path file, String key, int fields) {
    try {
      // Never follow a link out of the container's root.
      boolean safe = !Files.isSymbolicLink(file.getParent()) && !Files.isSymbolicLink(file) && Files.isRegularFile(file);
      List<String> lines = safe ? Files.readAllLines(file) : List.of();
      for (String line : lines) {
        String[] f = line.split(":", -1); // a group without members ends in an empty field
        if (f.length >= fields && (f[0].equals(key) || f[2].equals(key))) {
          return f;
        }
      }
    } catch (IOException e) {
      // no such file in the image: only numeric ids work
    }
    return null;
  }
}
