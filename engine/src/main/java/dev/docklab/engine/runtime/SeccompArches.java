package dev.docklab.engine.runtime;

import java.util.Locale;
import java.util.Map;

/** Architecture names as seccomp profiles use them, and the kernel-version test of their {@code minKernel}. */
final class SeccompArches {
  /** Docker's native architecture names (Go's) by the JVM's {@code os.arch}. */
  private static final Map<String, String> NATIVE = Map.of("amd64", "amd64", "x86_64", "amd64", "aarch64", "arm64",
      "arm", "arm", "x86", "x86", "i386", "x86", "ppc64le", "ppc64le", "s390x", "s390x", "riscv64", "riscv64");
  /** The seccomp architecture of each native one. */
  private static final Map<String, String> SECCOMP = Map.of("amd64", "SCMP_ARCH_X86_64", "arm64", "SCMP_ARCH_AARCH64",
      "arm", "SCMP_ARCH_ARM", "x86", "SCMP_ARCH_X86", "ppc64le", "SCMP_ARCH_PPC64LE", "s390x", "SCMP_ARCH_S390X",
      "riscv64", "SCMP_ARCH_RISCV64");

  private SeccompArches() {}

  /** This JVM's architecture by Docker's name for it (amd64, arm64...). */
  static String host() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return NATIVE.getOrDefault(arch, arch);
  }

  /** The seccomp name of a native architecture, e.g. {@code SCMP_ARCH_X86_64} for amd64. */
  static String seccompName(String nativeArch) {
    return SECCOMP.getOrDefault(nativeArch, "");
  }

  /** Whether {@code kernel} (as uname -r prints it) is at least {@code min} ("4.8"). */
  static boolean kernelAtLeast(String kernel, String min) {
    int[] k = version(kernel);
    int[] m = version(min);
    return k[0] != m[0] ? k[0] > m[0] : k[1] >= m[1];
  }

  private static int[] version(String v) {
    String[] parts = v.split("[.\\-+]");
    int[] out = new int[2];
    for (int i = 0; i < 2 && i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
    }
    return out;
  }
}
