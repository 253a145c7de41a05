package dev.docklab.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the engine needs to know about the host: cgroup layout, the open-files hard limit, kernel,
 * and which OCI runtimes are installed. Read once at start-up.
 *
 * @param swapLimit whether cgroups can limit swap (see {@link Cgroups#limitsSwap})
 */
public record HostFacts(int cgroupVersion, boolean hybridCgroups, long nofileHardLimit, String kernel,
    String operatingSystem, Path runc, Path crun, boolean swapLimit) {

  /** Reads the facts of this machine. */
  public static HostFacts probe() {
    Path cg = Path.of("/sys/fs/cgroup");
    boolean pureV2 = Files.exists(cg.resolve("cgroup.controllers"));
    boolean hybrid = !pureV2 && Files.exists(cg.resolve("unified/cgroup.controllers"));
    return new HostFacts(pureV2 ? 2 : 1, hybrid, readNofileHard(), readKernel(), readOs(),
        which("runc"), which("crun"), new Cgroups(cg, pureV2).limitsSwap());
  }

  static long readNofileHard() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String[] f = line.substring("Max open files".length()).trim().split("\\s+");
          return f[1].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through to a safe value
    }
    return 1024;
  }

  private static String readKernel() {
    try {
      return String.join("\n", Files.readAllLines(Path.of("/proc/sys/kernel/osrelease"))).trim();
    } catch (IOException e) {
      return System.getProperty("os.version");
    }
  }

  private static String readOs() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring(12).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // unknown
    }
    return System.getProperty("os.name");
  }

  /** The first executable named {@code name} on PATH (and the sbin dirs root uses), or null. */
  static Path which(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin";
    for (String dir : List.of(path.split(":"))) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
