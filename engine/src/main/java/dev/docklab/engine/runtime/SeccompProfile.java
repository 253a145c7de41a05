package dev.docklab.engine.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.EngineException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seccomp profile in Docker's format (what Docker, Podman and {@code --security-opt seccomp=FILE} take):
 * a default action, an {@code archMap}, and rules that apply only with some capabilities, on some
 * architectures or from some kernel on; and its conversion to the OCI spec's {@code linux.seccomp} for one
 * container, as Docker's daemon converts it.
 *
 * @param defaultAction what the filter does with a system call no rule names
 * @param defaultErrnoRet the errno of a default {@code SCMP_ACT_ERRNO}, or null for EPERM
 * @param architectures the old form of {@code archMap}: the seccomp architectures, as given
 * @param archMap each native architecture with the ones its processes may also use (x86_64 with x86 and x32)
 * @param flags seccomp flags, passed on to the runtime
 * @param syscalls the rules, in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeccompProfile(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
    List<Arch> archMap, List<String> flags, List<Rule> syscalls) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
  private static final Set<String> ACTIONS = Set.of("SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
      "SCMP_ACT_TRAP", "SCMP_ACT_ERRNO", "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY");
  private static final Set<String> OPS = Set.of("SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ",
      "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ");

  public SeccompProfile {
    architectures = architectures == null ? List.of() : List.copyOf(architectures);
    archMap = archMap == null ? List.of() : List.copyOf(archMap);
    syscalls = syscalls == null ? List.of() : List.copyOf(syscalls);
  }

  /** A native architecture and the ones its processes may switch to. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Arch(String architecture, List<String> subArchitectures) {
    public Arch {
      subArchitectures = subArchitectures == null ? List.of() : List.copyOf(subArchitectures);
    }
  }

  /** When a rule applies: with all these capabilities, on one of these architectures, from this kernel on. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Filter(List<String> caps, List<String> arches, String minKernel) {
    public Filter {
      caps = caps == null ? List.of() : List.copyOf(caps);
      arches = arches == null ? List.of() : List.copyOf(arches);
    }

    /** Whether {@code f} is absent or empty ({@code "includes": {}}), so that it always holds. */
    static boolean none(Filter f) {
      return f == null || f.caps().isEmpty() && f.arches().isEmpty() && f.minKernel() == null;
    }
  }

  /** A condition on one argument; for {@code SCMP_CMP_MASKED_EQ}, {@code (arg & value) == valueTwo}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Arg(int index, BigInteger value, BigInteger valueTwo, String op) {
    public Arg {
      value = value == null ? BigInteger.ZERO : value;
      valueTwo = valueTwo == null ? BigInteger.ZERO : valueTwo;
    }
  }

  /**
   * One rule: the system calls it names, what it does with them, under which argument conditions, and when
   * it applies ({@code includes}: all must hold; {@code excludes}: none may).
   *
   * @param name the old single-name form of {@code names}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rule(String name, List<String> names, String action, Integer errnoRet, List<Arg> args,
      String comment, Filter includes, Filter excludes) {
    public Rule {
      names = names == null ? List.of() : List.copyOf(names);
      args = args == null ? List.of() : List.copyOf(args);
    }

    /** The system calls it names, whichever form the profile used. */
    List<String> allNames() {
      return name == null || name.isEmpty() ? names : List.of(name);
    }
  }

  /** Reads a profile from its JSON; a malformed one is Docker's "Decoding seccomp profile failed". */
  public static SeccompProfile parse(String json) {
    SeccompProfile p;
    try {
      p = JSON.readValue(json, SeccompProfile.class);
    } catch (JsonProcessingException e) {
      throw EngineException.invalid("Decoding seccomp profile failed: " + e.getOriginalMessage().lines().findFirst()
          .orElse("not JSON"));
    }
    if (p == null) {
      throw EngineException.invalid("Decoding seccomp profile failed: the profile is empty");
    }
    p.check();
    return p;
  }

  private void check() {
    if (!architectures.isEmpty() && !archMap.isEmpty()) {
      throw EngineException.invalid("both 'architectures' and 'archMap' are specified in the seccomp profile, use "
          + "either 'architectures' or 'archMap'");
    }
    if (defaultAction == null && !syscalls.isEmpty()) {
      throw EngineException.invalid("Decoding seccomp profile failed: it has rules but no defaultAction");
    }
    if (defaultAction != null && !ACTIONS.contains(defaultAction)) {
      throw EngineException.invalid("Decoding seccomp profile failed: unknown action " + defaultAction);
    }
    for (Rule r : syscalls) {
      if (r.name() != null && !r.name().isEmpty() && !r.names().isEmpty()) {
        throw EngineException.invalid("use either 'name' or 'names'");
      }
      if (r.action() == null || !ACTIONS.contains(r.action())) {
        throw EngineException.invalid("Decoding seccomp profile failed: unknown action " + r.action() + " for "
            + String.join(",", r.allNames()));
      }
      for (Arg a : r.args()) {
        if (!OPS.contains(a.op())) {
          throw EngineException.invalid("Decoding seccomp profile failed: unknown operator " + a.op() + " for "
              + String.join(",", r.allNames()));
        }
      }
    }
  }

  /**
   * The OCI spec's {@code linux.seccomp} for a container with {@code capabilities} on {@code arch} (a native
   * name: amd64, arm64...) under {@code kernel}; null when the profile sets nothing, which Docker reads as no
   * filter.
   */
  public Map<String, Object> toOci(List<String> capabilities, String arch, String kernel) {
    if (defaultAction == null && syscalls.isEmpty()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("defaultAction", defaultAction);
    if (defaultErrnoRet != null) {
      out.put("defaultErrnoRet", defaultErrnoRet);
    }
    List<String> arches = new ArrayList<>(architectures);
    String native_ = SeccompArches.seccompName(arch);
    for (Arch a : archMap) {
      if (a.architecture().equals(native_)) {
        arches.add(a.architecture());
        arches.addAll(a.subArchitectures());
        break;
      }
    }
    if (!arches.isEmpty()) {
      out.put("architectures", arches);
    }
    if (flags != null && !flags.isEmpty()) {
      out.put("flags", flags);
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule r : syscalls) {
      if (applies(r, capabilities, arch, kernel)) {
        rules.add(ociRule(r));
      }
    }
    out.put("syscalls", rules);
    return out;
  }

  private static boolean applies(Rule r, List<String> caps, String arch, String kernel) {
    Filter ex = r.excludes();
    if (ex != null && (ex.arches().contains(arch) || ex.caps().stream().anyMatch(caps::contains)
        || ex.minKernel() != null && SeccompArches.kernelAtLeast(kernel, ex.minKernel()))) {
      return false;
    }
    Filter in = r.includes();
    return in == null || (in.arches().isEmpty() || in.arches().contains(arch)) && caps.containsAll(in.caps())
        && (in.minKernel() == null || SeccompArches.kernelAtLeast(kernel, in.minKernel()));
  }

  private static Map<String, Object> ociRule(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("names", r.allNames());
    m.put("action", r.action());
    if (r.errnoRet() != null) {
      m.put("errnoRet", r.errnoRet());
    }
    if (!r.args().isEmpty()) {
      List<Map<String, Object>> args = new ArrayList<>();
      for (Arg a : r.args()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("index", a.index());
        am.put("value", a.value());
        am.put("valueTwo", a.valueTwo());
        am.put("op", a.op());
        args.add(am);
      }
      m.put("args", args);
    }
    return m;
  }

  /** How many distinct system calls the rules of an OCI {@code linux.seccomp} name. */
  @SuppressWarnings("unchecked")
  public static int syscallCount(Map<String, Object> oci) {
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) oci.getOrDefault("syscalls", List.of())) {
      names.addAll((List<String>) r.get("names"));
    }
    return names.size();
  }

  /** The same profile with other rules. */
  SeccompProfile withRules(List<Rule> rules) {
    return new SeccompProfile(defaultAction, defaultErrnoRet, architectures, archMap, flags, rules);
  }
}
