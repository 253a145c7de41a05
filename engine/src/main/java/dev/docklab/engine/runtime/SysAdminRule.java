package dev.docklab.engine.runtime;

import dev.docklab.engine.runtime.SeccompProfile.Arg;
import dev.docklab.engine.runtime.SeccompProfile.Filter;
import dev.docklab.engine.runtime.SeccompProfile.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Docker's rule that Podman's default profile leaves out: the system calls that make namespaces, mount
 * filesystems, set the host name, load BPF programs and the like are allowed only to a container with
 * CAP_SYS_ADMIN, and {@code clone} only without namespace flags. Podman allows them to every container
 * (so that containers can nest); without this rule {@code unshare -U -r -m} gives a process of a default
 * container a user namespace in which it may mount, which Docker's default profile refuses.
 */
final class SysAdminRule {
  /** The system calls Docker's default profile gives only to CAP_SYS_ADMIN. */
  static final List<String> NAMES = List.of("bpf", "clone", "clone3", "fanotify_init", "fsconfig", "fsmount",
      "fsopen", "fspick", "lookup_dcookie", "mount", "mount_setattr", "move_mount", "open_tree", "perf_event_open",
      "quotactl", "quotactl_fd", "setdomainname", "sethostname", "setns", "syslog", "umount", "umount2", "unshare");
  /** CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET. */
  static final long[] NAMESPACE_FLAGS = {0x00020000L, 0x02000000L, 0x04000000L, 0x08000000L, 0x10000000L,
      0x20000000L, 0x40000000L};
  private static final String CAP = "CAP_SYS_ADMIN";
  private static final int EPERM = 1;
  private static final int ENOSYS = 38;
  private static final List<String> S390 = List.of("s390", "s390x");

  private SysAdminRule() {}

  /**
   * {@code profile} with Docker's rule: the names above leave its unconditional ALLOW rules for rules of
   * their own that allow them with CAP_SYS_ADMIN and refuse them (EPERM) without; {@code clone} stays
   * allowed without namespace flags and {@code clone3} answers ENOSYS, so that C libraries fall back to it.
   */
  static SeccompProfile apply(SeccompProfile profile) {
    List<Rule> rules = new ArrayList<>();
    Set<String> moved = new LinkedHashSet<>();
    for (Rule r : profile.syscalls()) {
      boolean unconditional = r.action().equals("SCMP_ACT_ALLOW") && r.args().isEmpty() && Filter.none(r.includes())
          && Filter.none(r.excludes());
      if (!unconditional || r.allNames().stream().noneMatch(NAMES::contains)) {
        rules.add(r);
        continue;
      }
      List<String> keep = r.allNames().stream().filter(n -> !NAMES.contains(n)).toList();
      r.allNames().stream().filter(NAMES::contains).forEach(moved::add);
      if (!keep.isEmpty()) {
        rules.add(new Rule(null, keep, r.action(), r.errnoRet(), r.args(), r.comment(), null, null));
      }
    }
    if (moved.isEmpty()) {
      return profile;
    }
    Filter sysAdmin = new Filter(List.of(CAP), List.of(), null);
    rules.add(rule(List.copyOf(moved), "SCMP_ACT_ALLOW", null, List.of(), sysAdmin, null));
    List<String> refused = moved.stream().filter(n -> !n.equals("clone") && !n.equals("clone3")).toList();
    if (!refused.isEmpty()) {
      rules.add(rule(refused, "SCMP_ACT_ERRNO", EPERM, List.of(), null, sysAdmin));
    }
    if (moved.contains("clone")) {
      long all = 0;
      for (long f : NAMESPACE_FLAGS) {
        all |= f;
      }
      // clone's flags are its first argument, but its second on s390
      for (int index : new int[] {0, 1}) {
        Filter onArch = index == 0 ? null : new Filter(List.of(), S390, null);
        Filter notOnArch = new Filter(List.of(CAP), index == 0 ? S390 : List.of(), null);
        rules.add(rule(List.of("clone"), "SCMP_ACT_ALLOW", null, List.of(masked(index, all, 0)), onArch, notOnArch));
        for (long f : NAMESPACE_FLAGS) {
          rules.add(rule(List.of("clone"), "SCMP_ACT_ERRNO", EPERM, List.of(masked(index, f, f)), onArch,
              notOnArch));
        }
      }
    }
    if (moved.contains("clone3")) {
      rules.add(rule(List.of("clone3"), "SCMP_ACT_ERRNO", ENOSYS, List.of(), null, sysAdmin));
    }
    return profile.withRules(rules);
  }

  private static Rule rule(List<String> names, String action, Integer errno, List<Arg> args, Filter includes,
      Filter excludes) {
    return new Rule(null, names, action, errno, args, "Docker: only with CAP_SYS_ADMIN", includes, excludes);
  }

  private static Arg masked(int index, long mask, long value) {
    return new Arg(index, BigInteger.valueOf(mask), BigInteger.valueOf(value), "SCMP_CMP_MASKED_EQ");
  }
}
