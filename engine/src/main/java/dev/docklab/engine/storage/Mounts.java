package dev.docklab.engine.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the mount table of this process. */
public final class Mounts {
  private Mounts() {}

  /** The mount points in /proc/self/mountinfo, with octal escapes decoded. */
  public static List<Path> mountPoints() {
    List<Path> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4) {
          points.add(Path.of(unescape(f[4])));
        }
      }
    } catch (IOException e) {
      // no mount table: nothing is known to be mounted
    }
    return points;
  }

  public static boolean isMountPoint(Path path) {
    return mountPoints().contains(path.toAbsolutePath().normalize());
  }

  /** Mount points under {@code root} (for clean-up of what a crash left). */
  public static List<Path> under(Path root) {
    Path r = root.toAbsolutePath().normalize();
    return mountPoints().stream().filter(p -> p.startsWith(r)).toList();
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
