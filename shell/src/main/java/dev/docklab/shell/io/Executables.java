package dev.docklab.shell.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs of this machine that docklab runs: found as a shell finds them, on {@code PATH}. */
public final class Executables {
  /** Where this kind of machine keeps the real docker CLI (client only). */
  private static final Path LOCAL_DOCKER = Path.of("/usr/local/bin/docker");

  private Executables() {}

  /** The executable file {@code program} names in the first of {@code path}'s directories that has one. */
  public static Optional<Path> onPath(String program, String path) {
    if (path == null || program.isEmpty() || program.contains("/")) {
      return Optional.empty();
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty()) {
        Path file = Path.of(dir, program);
        if (Files.isExecutable(file) && !Files.isDirectory(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The docker CLI: /usr/local/bin/docker, else the {@code docker} on {@code PATH} (Debian's docker-cli
   * package puts it in /usr/bin).
   */
  public static Optional<Path> dockerCli() {
    if (Files.isExecutable(LOCAL_DOCKER)) {
      return Optional.of(LOCAL_DOCKER);
    }
    return onPath("docker", System.getenv("PATH"));
  }
}
