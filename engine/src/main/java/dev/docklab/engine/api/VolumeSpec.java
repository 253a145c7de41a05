package dev.docklab.engine.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code -v} or {@code --mount} value, parsed once: a bind mount of a host path, a named volume, or
 * an anonymous volume, at an absolute path inside the container, read-write or read-only.
 *
 * @param kind BIND, VOLUME or ANONYMOUS
 * @param source the host path (BIND) or the volume name (VOLUME); null for ANONYMOUS
 * @param destination the absolute path inside the container
 * @param readOnly {@code :ro} / {@code readonly}
 * @param createSource for BIND: create the host path when missing ({@code -v} does, {@code --mount} refuses)
 */
public record VolumeSpec(Kind kind, String source, String destination, boolean readOnly, boolean createSource) {
  /** What a spec mounts. */
  public enum Kind {
    BIND, VOLUME, ANONYMOUS
  }

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  /** Parses {@code -v SRC:DST[:OPTS]} or {@code -v DST}. */
  public static VolumeSpec parseV(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3 || spec.isEmpty() || Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw EngineException.invalid("invalid volume specification: '" + spec + "'");
    }
    if (parts.length == 1) {
      return new VolumeSpec(Kind.ANONYMOUS, null, absolute(parts[0], spec), false, false);
    }
    boolean ro = false;
    if (parts.length == 3) {
      for (String opt : parts[2].split(",")) {
        switch (opt) {
          case "ro" -> ro = true;
          case "rw", "z", "Z", "rprivate", "private", "rshared", "shared", "rslave", "slave", "nocopy" -> { }
          default -> throw EngineException.invalid("invalid mode: " + opt);
        }
      }
    }
    String src = parts[0];
    String dst = absolute(parts[1], spec);
    if (src.startsWith("/")) {
      return new VolumeSpec(Kind.BIND, src, dst, ro, true);
    }
    if (!NAME.matcher(src).matches()) {
      throw EngineException.invalid("create " + src + ": \"" + src + "\" includes invalid characters for a local volume "
          + "name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use "
          + "absolute path");
    }
    return new VolumeSpec(Kind.VOLUME, src, dst, ro, false);
  }

  /** Parses {@code --mount type=bind|volume,src=...,dst=...[,readonly]}. */
  public static VolumeSpec parseMount(String spec) {
    String type = "volume";
    String src = null;
    String dst = null;
    boolean ro = false;
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      String k = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "true" : field.substring(eq + 1);
      switch (k) {
        case "type" -> type = v;
        case "source", "src" -> src = v;
        case "destination", "dst", "target" -> dst = v;
        case "readonly", "ro" -> ro = !v.equals("false") && !v.equals("0");
        default -> throw EngineException.invalid("invalid field '" + k + "' must be a key=value pair");
      }
    }
    if (dst == null) {
      throw EngineException.invalid("invalid argument \"" + spec + "\" for \"--mount\" flag: target is required");
    }
    String target = absolute(dst, spec);
    return switch (type) {
      case "bind" -> {
        if (src == null) {
          throw EngineException.invalid("invalid mount config for type \"bind\": field Source must not be empty");
        }
        yield new VolumeSpec(Kind.BIND, src, target, ro, false);
      }
      case "volume" -> src == null ? new VolumeSpec(Kind.ANONYMOUS, null, target, ro, false)
          : new VolumeSpec(Kind.VOLUME, src, target, ro, false);
      default -> throw EngineException.invalid(EngineMessage.MOUNT_TYPE_UNKNOWN, type);
    };
  }

  /**
   * {@code --mount type=tmpfs,dst=PATH[,tmpfs-size=BYTES][,tmpfs-mode=OCTAL][,readonly]} as {@code --tmpfs}
   * takes it: the path, then the mount options ({@code size=...,mode=...,ro}); null for another type.
   */
  public static Map.Entry<String, String> tmpfsMount(String spec) {
    String type = "volume";
    String dst = null;
    List<String> options = new ArrayList<>();
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      String k = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "true" : field.substring(eq + 1);
      switch (k) {
        case "type" -> type = v;
        case "destination", "dst", "target" -> dst = v;
        case "tmpfs-size" -> options.add("size=" + MemorySize.parse(v));
        case "tmpfs-mode" -> options.add("mode=" + v);
        case "readonly", "ro" -> {
          if (!v.equals("false") && !v.equals("0")) {
            options.add("ro");
          }
        }
        default -> {
          // another field: parseMount says what is wrong with it
        }
      }
    }
    if (!type.equals("tmpfs")) {
      return null;
    }
    if (dst == null) {
      throw EngineException.invalid("invalid argument \"" + spec + "\" for \"--mount\" flag: target is required");
    }
    return Map.entry(dst, String.join(",", options));
  }

  private static String absolute(String path, String spec) {
    if (!path.startsWith("/")) {
      throw EngineException.invalid("invalid mount config for type \"bind\": invalid mount path: '" + path
          + "' mount path must be absolute");
    }
    return path;
  }
}
