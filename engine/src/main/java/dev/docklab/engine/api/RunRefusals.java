package dev.docklab.engine.api;

import java.util.Locale;
import java.util.Set;

/**
 * What Docker's daemon on Linux answers for {@code run} flags whose feature this engine lacks: another
 * isolation, GPUs, another runtime, a volume plugin, another platform. Each throws in the daemon's words.
 */
public final class RunRefusals {
  /** Docker's own line for {@code --gpus} on a daemon with no GPU device driver. */
  private static final String NO_GPU_DRIVER = "could not select device driver \"\" with capabilities: [[gpu]]";
  private static final Set<String> HOST_ARCHES = Set.of("amd64", "x86_64", "x86-64");

  private RunRefusals() {}

  /** {@code --isolation}: Linux has only {@code default}. */
  public static void isolation(String isolation) {
    if (!isolation.isEmpty() && !isolation.equalsIgnoreCase("default")) {
      throw EngineException.invalid("Invalid isolation: \"" + isolation + "\" - linux only supports 'default'");
    }
  }

  /** {@code --gpus}: no device driver offers GPUs here. */
  public static void gpus(boolean asked) {
    if (asked) {
      throw EngineException.invalid(NO_GPU_DRIVER);
    }
  }

  /** {@code --runtime}: only the runtime the engine runs ({@code engineRuntime}), as Docker knows only its own. */
  public static void runtime(String name, String engineRuntime) {
    if (!name.isEmpty() && !name.equals(engineRuntime)) {
      throw EngineException.invalid("unknown or invalid runtime name: " + name);
    }
  }

  /** {@code --volume-driver}: only {@code local}, as a daemon with no volume plugin. */
  public static void volumeDriver(String driver) {
    if (!driver.isEmpty() && !driver.equals("local")) {
      throw EngineException.notFound("error looking up volume plugin " + driver + ": plugin \"" + driver
          + "\" not found");
    }
  }

  /**
   * {@code --platform}: linux on this host's architecture (amd64); another is refused as Docker refuses it for
   * image {@code ref}: found here ({@code present}) but of another platform, or no manifest for it to pull.
   */
  public static void platform(String platform, String ref, boolean present) {
    if (platform.isEmpty()) {
      return;
    }
    String[] parts = platform.toLowerCase(Locale.ROOT).split("/");
    String os = parts[0];
    String arch = parts.length > 1 ? parts[1] : "amd64";
    boolean knownOs = Set.of("linux", "windows", "darwin", "freebsd").contains(os);
    boolean knownArch = Set.of("amd64", "x86_64", "x86-64", "arm64", "aarch64", "arm", "386", "ppc64le", "s390x",
        "riscv64", "mips64le").contains(arch);
    if (!knownOs && parts.length == 1 && HOST_ARCHES.contains(os)) {
      return; // "amd64" alone: linux/amd64
    }
    if (!knownOs || !knownArch || parts.length > 3) {
      throw EngineException.invalid("\"" + platform + "\": unknown operating system or architecture: invalid argument");
    }
    if (!os.equals("linux") || !HOST_ARCHES.contains(arch)) {
      String normal = os + "/" + (arch.equals("aarch64") ? "arm64" : arch.equals("x86_64") ? "amd64" : arch)
          + (parts.length > 2 ? "/" + parts[2] : "");
      throw present ? EngineException.notFound("image with reference " + ref + " was found but does not match the "
          + "specified platform: wanted " + normal + ", actual: linux/amd64")
          : EngineException.notFound("no matching manifest for " + normal + " in the manifest list entries");
    }
  }
}
