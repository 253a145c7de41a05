package dev.docklab.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code --tmpfs} mount's options as Docker merges them: {@code noexec,nosuid,nodev,rprivate} first, then the
 * learner's, a later flag replacing an earlier one of the same kind ({@code exec} over {@code noexec}) and a
 * later {@code key=value} the earlier one.
 */
final class TmpfsOptions {
  private static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev", "rprivate");

  private TmpfsOptions() {}

  /** The options of a tmpfs mount given {@code data} ({@code size=64m,exec}, or ""). */
  static List<String> merge(String data) {
    List<String> all = new ArrayList<>(DEFAULTS);
    if (data != null && !data.isEmpty()) {
      all.addAll(List.of(data.split(",")));
    }
    Map<String, String> byKind = new LinkedHashMap<>();
    for (String o : all) {
      int eq = o.indexOf('=');
      String kind = eq >= 0 ? o.substring(0, eq) : kind(o);
      byKind.remove(kind); // the last one counts, in its own place
      byKind.put(kind, o);
    }
    return new ArrayList<>(byKind.values());
  }

  /** What a flag sets: {@code exec} and {@code noexec} both set "exec". */
  private static String kind(String flag) {
    if (flag.startsWith("no") && !flag.equals("nosymfollow")) {
      return flag.substring(2);
    }
    return switch (flag) {
      case "ro", "rw" -> "rw";
      case "private", "rprivate", "shared", "rshared", "slave", "rslave" -> "propagation";
      case "relatime", "strictatime" -> "atime";
      default -> flag;
    };
  }
}
