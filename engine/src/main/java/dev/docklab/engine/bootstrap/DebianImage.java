package dev.docklab.engine.bootstrap;

import dev.docklab.engine.api.ImageConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's {@code debian} image, made by debootstrap (variant minbase) from a Debian mirror into one
 * layer, with the settings Docker's own debian image adds for containers: a {@code policy-rc.d} that keeps
 * packages from starting services during a build, apt's {@code docker-clean}, which keeps no package
 * cache in a layer, and {@code docker-no-languages}, which downloads no translations. Tagged with its suite, its major version and {@code latest}.
 */
public final class DebianImage {
  public static final String NAME = "debian";
  public static final Path DEBOOTSTRAP = Path.of("/usr/sbin/debootstrap");

  /** Docker's policy-rc.d: a build's {@code apt-get install} must not try to start services. */
  public static final String POLICY_RC_D = """
      #!/bin/sh
      # For most Docker users, "apt-get install" only happens during "docker build",
      # where starting services does not work: this stops packages from trying to.
      exit 101
      """;

  /** Docker's apt setting that keeps no package cache in an image's layers. */
  public static final String DOCKER_CLEAN = """
      # Package installs happen in "docker build" steps, each a layer: apt's caches would only
      # make those layers bigger, so keep none (Docker's debian image does the same).
      DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
      APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
      Dir::Cache::pkgcache "";
      Dir::Cache::srcpkgcache "";
      """;

  /** Docker's apt setting that downloads no translations of package descriptions. */
  public static final String DOCKER_NO_LANGUAGES = """
      # Translations of package descriptions are of no use in an image: do not download them.
      Acquire::Languages "none";
      """;

  /** What is emptied in the rootfs before it becomes a layer: caches, the host's names, device nodes. */
  public static final List<String> EMPTIED_DIRS = List.of("dev", "var/cache/apt/archives", "var/lib/apt/lists", "tmp",
      "var/tmp");
  /** Files made empty: the engine gives each container its own. */
  public static final List<String> EMPTIED_FILES = List.of("etc/hostname", "etc/resolv.conf");

  private DebianImage() {}

  /** The debootstrap command line: minbase from {@code mirror}'s {@code suite} into {@code target}. */
  public static List<String> command(Path debootstrap, String mirror, String suite, Path target) {
    return List.of(debootstrap.toString(), "--variant=minbase", suite, target.toString(), mirror);
  }

  /**
   * The tags: the suite ({@code bookworm}), the major version of {@code /etc/debian_version}
   * ({@code 12.11} gives {@code 12}; none for {@code trixie/sid}), and {@code latest}.
   */
  public static List<String> tags(String suite, String debianVersion) {
    List<String> tags = new ArrayList<>(List.of(suite));
    String v = debianVersion.strip();
    int dot = v.indexOf('.');
    String major = dot > 0 ? v.substring(0, dot) : v;
    if (major.matches("\\d+")) {
      tags.add(major);
    }
    tags.add("latest");
    return tags;
  }

  /** The image's config: bash as its command, as Docker's debian image; its history says how it was made. */
  public static ImageConfig config(String created, String mirror, String suite) {
    String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
    List<ImageConfig.History> history = List.of(
        new ImageConfig.History(created, "debootstrap --variant=minbase " + suite + " / " + mirror
            + " + Docker's policy-rc.d, apt docker-clean and docker-no-languages # built by docklab images add debian", null, null, null),
        new ImageConfig.History(created, "CMD [\"bash\"]", null, null, true));
    return new ImageConfig(arch, "linux", created, null,
        ImageConfig.RunConfig.of(List.of(BusyboxImage.PATH_ENV), List.of("bash")), null, history);
  }

  /** What the hub's catalogue says of it (stars made up, as for the others). */
  public static HubCatalogue.Entry entry(String suite) {
    return new HubCatalogue.Entry("library/" + NAME, NAME + ":latest", List.of("latest"),
        "Debian " + suite + " (minbase), built by debootstrap from a Debian mirror with docklab images add debian",
        5200, true, false);
  }
}
