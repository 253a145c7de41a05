package dev.docklab.engine.container;

import dev.docklab.engine.api.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
