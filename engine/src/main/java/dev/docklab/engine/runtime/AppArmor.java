package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * AppArmor where the host has it: detection, and a profile in the style of Docker's {@code docker-default}
 * (no mounts, no writes to most of /proc and /sys, signals only among the container's processes), loaded
 * with {@code apparmor_parser} before the first container that uses it.
 */
public final class AppArmor {
  /** The profile docklab's containers get, named apart from Docker's own so that the two never clash. */
  public static final String DEFAULT_PROFILE = "docklab-default";
  private static final Path SECURITYFS = Path.of("/sys/kernel/security/apparmor");
  private static final Path ENABLED = Path.of("/sys/module/apparmor/parameters/enabled");
  private static final String TEMPLATE = """
      #include <tunables/global>

      profile NAME flags=(attach_disconnected,mediate_deleted) {
        #include <abstractions/base>

        network,
        capability,
        file,
        umount,
        signal (receive) peer=unconfined,
        signal (receive) peer=runc,
        signal (receive) peer=crun,
        signal (send,receive) peer=NAME,

        deny @{PROC}/* w,
        deny @{PROC}/{[^1-9],[^1-9][^0-9],[^1-9s][^0-9y][^0-9s],[^1-9][^0-9][^0-9][^0-9/]*}/** w,
        deny @{PROC}/sys/[^k]** w,
        deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w,
        deny @{PROC}/sysrq-trigger rwklx,
        deny @{PROC}/kcore rwklx,

        deny mount,

        deny /sys/[^f]*/** wklx,
        deny /sys/f[^s]*/** wklx,
        deny /sys/fs/[^c]*/** wklx,
        deny /sys/fs/c[^g]*/** wklx,
        deny /sys/fs/cg[^r]*/** wklx,
        deny /sys/firmware/** rwklx,
        deny /sys/devices/virtual/powercap/** rwklx,
        deny /sys/kernel/security/** rwklx,

        ptrace (trace,read,tracedby,readby) peer=NAME,
      }
      """;
  private final boolean available;
  private boolean loaded;

  private AppArmor(boolean available) {
    this.available = available;
  }

  /** This host's AppArmor: available when its securityfs is there, it is enabled and apparmor_parser is installed. */
  public static AppArmor probe() {
    boolean enabled;
    try {
      enabled = Files.isDirectory(SECURITYFS) && Files.readAllLines(ENABLED).stream().anyMatch(l -> l.startsWith("Y"));
    } catch (IOException e) {
      enabled = false;
    }
    return new AppArmor(enabled && HostFacts.which("apparmor_parser") != null);
  }

  /** Whether containers can run under an AppArmor profile here. */
  public boolean available() {
    return available;
  }

  /** Loads docklab's default profile into the kernel unless it is there already. */
  synchronized void ensureDefaultLoaded() {
    if (loaded || !available) {
      return;
    }
    try {
      if (Files.readString(SECURITYFS.resolve("profiles")).contains(DEFAULT_PROFILE + " ")) {
        loaded = true;
        return;
      }
      Path file = Files.createTempFile("docklab-apparmor-", ".profile");
      try {
        Files.writeString(file, TEMPLATE.replace("NAME", DEFAULT_PROFILE), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(List.of("apparmor_parser", "-Kr", file.toString()))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
          throw EngineException.system(EngineMessage.APPARMOR_LOAD_FAILED, null, DEFAULT_PROFILE, out);
        }
        loaded = true;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.APPARMOR_LOAD_FAILED, e, DEFAULT_PROFILE, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_APPARMOR, e);
    }
  }
}
