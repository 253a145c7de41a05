package dev.docklab.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A container's {@code --security-opt} values, read once as Docker's daemon reads them.
 *
 * <p>{@code seccomp=unconfined} runs without a filter, {@code seccomp=builtin} (or nothing) under the
 * default profile, and {@code seccomp=JSON} under that profile (the client reads a FILE and sends its
 * JSON, as the docker client does); {@code apparmor=PROFILE}; {@code no-new-privileges[=BOOL]};
 * {@code label=...} (SELinux, which docklab does not use, as Docker on a host without it).
 *
 * @param seccomp null for the default profile, {@link #UNCONFINED}, or a profile's JSON in Docker's format
 * @param appArmor the AppArmor profile asked for, or null for the default one
 * @param noNewPrivileges whether the process gets the no_new_privs bit
 * @param values the values as given, which inspect shows as {@code HostConfig.SecurityOpt}
 */
public record SecurityOpts(String seccomp, String appArmor, boolean noNewPrivileges, List<String> values) {
  /** {@code seccomp=unconfined}, {@code apparmor=unconfined}: no filter, no profile. */
  public static final String UNCONFINED = "unconfined";
  /** {@code seccomp=builtin}: the default profile, named as the docker client names it. */
  public static final String BUILTIN = "builtin";
  /** No {@code --security-opt}: the default profile, no AppArmor choice, privileges may be gained. */
  public static final SecurityOpts DEFAULT = new SecurityOpts(null, null, false, List.of());

  public SecurityOpts {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** Parses {@code values}; an unknown key or a bad value is Docker's daemon error. */
  public static SecurityOpts parse(List<String> values) {
    if (values == null || values.isEmpty()) {
      return DEFAULT;
    }
    String seccomp = null;
    String appArmor = null;
    boolean noNewPrivileges = false;
    List<String> kept = new ArrayList<>();
    for (String opt : values) {
      kept.add(opt);
      if (opt.equals("no-new-privileges")) {
        noNewPrivileges = true;
        continue;
      }
      if (opt.equals("disable")) {
        continue; // an SELinux label option
      }
      int sep = opt.indexOf('=');
      if (sep < 0) {
        sep = opt.indexOf(':'); // the old separator, which Docker still reads
      }
      if (sep < 0) {
        throw EngineException.invalid("invalid --security-opt 1: " + quote(opt));
      }
      String key = opt.substring(0, sep);
      String value = opt.substring(sep + 1);
      switch (key) {
        case "seccomp" -> seccomp = value.equals(BUILTIN) || value.isEmpty() ? null : value;
        case "apparmor" -> appArmor = value;
        case "label" -> { } // SELinux: not used by docklab, as by Docker on a host without it
        case "no-new-privileges" -> noNewPrivileges = parseBool(value, opt);
        default -> throw EngineException.invalid("invalid --security-opt 2: " + quote(opt));
      }
    }
    return new SecurityOpts(seccomp, appArmor, noNewPrivileges, kept);
  }

  /** Whether the container runs with no seccomp filter at all. */
  public boolean seccompUnconfined() {
    return UNCONFINED.equals(seccomp);
  }

  /** Whether the container runs under a profile of its own rather than the default one. */
  public boolean customSeccomp() {
    return seccomp != null && !seccompUnconfined();
  }

  private static boolean parseBool(String value, String opt) {
    // Go's strconv.ParseBool
    switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> {
        return true;
      }
      case "0", "f", "F", "false", "FALSE", "False" -> {
        return false;
      }
      default -> throw EngineException.invalid("invalid --security-opt 2: " + quote(opt));
    }
  }

  /** A string as Go's {@code %q} prints it (for the short option values here: quotes and backslashes escaped). */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"', '\\' -> b.append('\\').append(c);
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
