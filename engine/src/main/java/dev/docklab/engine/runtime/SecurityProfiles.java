package dev.docklab.engine.runtime;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.engine.api.Hardening;
import dev.docklab.engine.api.SecurityOpts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seccomp filter and AppArmor profile each container runs under: by default the seccomp profile that
 * Debian's golang-github-containers-common maintains (Podman's, in Docker's format) with Docker's
 * CAP_SYS_ADMIN rule, and docklab's docker-default-style AppArmor profile where the host has AppArmor; or
 * what the container's {@code --security-opt} asks for. Never unconfined unless asked.
 */
public final class SecurityProfiles {
  /** Where Debian's golang-github-containers-common installs the profile. */
  public static final Path DEFAULT_SECCOMP = Path.of("/usr/share/containers/seccomp.json");
  /** The Debian package that ships {@link #DEFAULT_SECCOMP}. */
  public static final String SECCOMP_PACKAGE = "golang-github-containers-common";
  private final Path defaultSeccomp;
  private final HostFacts host;
  private final AppArmor appArmor;
  private SeccompProfile defaultProfile;

  public SecurityProfiles(Path defaultSeccomp, HostFacts host, AppArmor appArmor) {
    this.defaultSeccomp = defaultSeccomp;
    this.host = host;
    this.appArmor = appArmor;
  }

  /** This host's profiles: the default seccomp profile where Debian puts it, AppArmor if the host has it. */
  public static SecurityProfiles probe(HostFacts host) {
    return new SecurityProfiles(DEFAULT_SECCOMP, host, AppArmor.probe());
  }

  /** The default seccomp profile's file. */
  public Path defaultSeccomp() {
    return defaultSeccomp;
  }

  /** Whether the default seccomp profile is installed. */
  public boolean defaultSeccompInstalled() {
    return Files.isRegularFile(defaultSeccomp);
  }

  /** Whether the host has AppArmor. */
  public boolean appArmorAvailable() {
    return appArmor.available();
  }

  /** Checks what {@code opts} asks for before a container is recorded: a profile of its own must convert. */
  public void check(SecurityOpts opts) {
    if (opts.customSeccomp()) {
      SeccompProfile.parse(opts.seccomp()).toOci(OciSpec.DEFAULT_CAPABILITIES, SeccompArches.host(), host.kernel());
    }
  }

  /** The OCI {@code linux.seccomp} for a container with {@code opts}, or null for none (unconfined). */
  public Map<String, Object> seccomp(SecurityOpts opts) {
    if (opts.seccompUnconfined()) {
      return null;
    }
    SeccompProfile profile = opts.customSeccomp() ? SeccompProfile.parse(opts.seccomp()) : defaultProfile();
    return profile.toOci(OciSpec.DEFAULT_CAPABILITIES, SeccompArches.host(), host.kernel());
  }

  /** The AppArmor profile for a container with {@code opts} (loading the default one), or null for none. */
  public String appArmorProfile(SecurityOpts opts) {
    if (!appArmor.available() || SecurityOpts.UNCONFINED.equals(opts.appArmor())) {
      return null;
    }
    if (opts.appArmor() != null) {
      return opts.appArmor();
    }
    appArmor.ensureDefaultLoaded();
    return AppArmor.DEFAULT_PROFILE;
  }

  /** What a container with {@code opts} runs under, for its bundle. */
  public BundleSpec.Security forContainer(SecurityOpts opts) {
    return new BundleSpec.Security(seccomp(opts), appArmorProfile(opts), opts.noNewPrivileges());
  }

  /**
   * What a container with {@code opts} and {@code h} runs under, as Docker: a privileged one with no seccomp
   * filter and no AppArmor profile unless one is named; the filter's capability rules follow its capabilities.
   */
  public BundleSpec.Security forContainer(SecurityOpts opts, Hardening h) {
    if (h.privileged()) {
      String profile = opts.appArmor() == null ? null : appArmorProfile(opts);
      return new BundleSpec.Security(null, profile, opts.noNewPrivileges());
    }
    Map<String, Object> seccomp = null;
    if (!opts.seccompUnconfined()) {
      SeccompProfile profile = opts.customSeccomp() ? SeccompProfile.parse(opts.seccomp()) : defaultProfile();
      seccomp = profile.toOci(Capabilities.effective(h), SeccompArches.host(), host.kernel());
    }
    return new BundleSpec.Security(seccomp, appArmorProfile(opts), opts.noNewPrivileges());
  }

  private synchronized SeccompProfile defaultProfile() {
    if (defaultProfile == null) {
      String json;
      try {
        json = Files.readString(defaultSeccomp);
      } catch (NoSuchFileException e) {
        throw EngineException.system(EngineMessage.SECCOMP_MISSING, e, defaultSeccomp, SECCOMP_PACKAGE);
      } catch (IOException e) {
        throw EngineException.system(EngineMessage.SECCOMP_UNREADABLE, e, defaultSeccomp, e.getMessage());
      }
      SeccompProfile parsed;
      try {
        parsed = SeccompProfile.parse(json);
      } catch (EngineException e) {
        throw EngineException.system(EngineMessage.SECCOMP_DAMAGED, e, defaultSeccomp, e.getMessage(), SECCOMP_PACKAGE);
      }
      defaultProfile = SysAdminRule.apply(parsed);
    }
    return defaultProfile;
  }
}
