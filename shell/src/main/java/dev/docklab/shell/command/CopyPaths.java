package dev.docklab.shell.command;

import java.util.ArrayList;
import java.util.List;

/** The path rules of {@code docker cp} as the docker CLI applies them (go-archive's copy.go), on strings. */
final class CopyPaths {
  private CopyPaths() {}

  /** One operand of {@code docker cp}: {@code CONTAINER:PATH} (container set) or a local path. */
  record Operand(String container, String path) {
    static Operand parse(String arg) {
      if (arg.startsWith("/")) {
        return new Operand(null, arg);
      }
      int colon = arg.indexOf(':');
      if (colon < 0 || arg.startsWith(".")) {
        return new Operand(null, arg);
      }
      return new Operand(arg.substring(0, colon), arg.substring(colon + 1));
    }
  }

  /** What the copy knows of one side: the path, whether it exists, whether a directory, the name it takes. */
  record Info(String path, boolean exists, boolean dir, String rebaseName) {}

  /** Where to extract and how to rename the archive's first name ({@code from} to {@code to}; none when null). */
  record Prepared(String dstDir, String from, String to) {}

  /** Go's {@code filepath.Clean}. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean abs = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!abs) {
          parts.add(part);
        }
      } else {
        parts.add(part);
      }
    }
    String joined = String.join("/", parts);
    return abs ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  /** Go's {@code filepath.Base}. */
  static String base(String path) {
    String trimmed = path.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return path.isEmpty() ? "." : "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Go's {@code filepath.Dir}. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(slash < 0 ? "." : path.substring(0, slash + 1));
  }

  static boolean hasTrailingSeparator(String path) {
    return path.endsWith("/");
  }

  static boolean specifiesCurrentDir(String path) {
    return base(path).equals(".");
  }

  /** Whether the path says it must be a directory: a trailing {@code /} or {@code /.}. */
  static boolean assertsDirectory(String path) {
    return hasTrailingSeparator(path) || specifiesCurrentDir(path);
  }

  /** {@code cleaned} with the trailing {@code /.} or {@code /} of {@code original} put back. */
  static String preserveTrailingDotOrSeparator(String cleaned, String original) {
    if (!specifiesCurrentDir(cleaned) && specifiesCurrentDir(original)) {
      if (!hasTrailingSeparator(cleaned)) {
        cleaned += "/";
      }
      cleaned += ".";
    }
    if (!hasTrailingSeparator(cleaned) && hasTrailingSeparator(original)) {
      cleaned += "/";
    }
    return cleaned;
  }

  /** go-archive's {@code SplitPathDirEntry}: the parent and the base, {@code .} kept as a base. */
  static String[] splitPathDirEntry(String path) {
    String cleaned = clean(path);
    if (specifiesCurrentDir(path)) {
      cleaned += "/.";
    }
    return new String[] {dir(cleaned), base(cleaned)};
  }

  /** go-archive's {@code GetRebaseName}: the resolved path with the original's ending, and the name to keep. */
  static String[] rebaseName(String path, String resolved) {
    if (specifiesCurrentDir(path) && !specifiesCurrentDir(resolved)) {
      resolved += "/.";
    }
    if (hasTrailingSeparator(path) && !hasTrailingSeparator(resolved)) {
      resolved += "/";
    }
    return new String[] {resolved, base(path).equals(base(resolved)) ? "" : base(path)};
  }

  /** A symlink's target as a path: joined to the link's parent when relative. */
  static String linkPath(String link, String target) {
    return target.startsWith("/") ? target : clean(splitPathDirEntry(link)[0] + "/" + target);
  }

  /** go-archive's {@code PrepareArchiveCopy}: where to extract, and the rename; fails with go-archive's error. */
  static Prepared prepare(Info src, Info dst) {
    String[] dstSplit = splitPathDirEntry(dst.path());
    String srcBase = splitPathDirEntry(src.path())[1];
    String renamed = src.rebaseName().isEmpty() ? srcBase : src.rebaseName();
    if (dst.exists() && dst.dir()) {
      return new Prepared(dst.path(), null, null);
    }
    if (dst.exists() && src.dir()) {
      throw new IllegalArgumentException("cannot copy directory");
    }
    if (!dst.exists() && !src.dir() && assertsDirectory(dst.path())) {
      throw new IllegalArgumentException("no such directory");
    }
    return new Prepared(dstSplit[0], renamed, dstSplit[1]);
  }

  /** Go's {@code strings.Replace(name, from, to, 1)}, as go-archive renames an archive's entries. */
  static String rename(String name, String from, String to) {
    if (from == null) {
      return name;
    }
    String old = from.equals("/") ? "" : from;
    int i = name.indexOf(old);
    return i < 0 ? name : name.substring(0, i) + to + name.substring(i + old.length());
  }
}
