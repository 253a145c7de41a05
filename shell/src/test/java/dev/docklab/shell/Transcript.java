package dev.docklab.shell;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs docklab lines as {@code docklab -c LINE} would, on a data root of its own, and records the output. */
final class Transcript {
  final Path root;

  Transcript(Path root) {
    this.root = root;
  }

  record Result(int status, String out, String err) {}

  Result run(String line) {
    return run(line, InputStream.nullInputStream());
  }

  Result run(String line, InputStream stdin) {
    return run("en", line, stdin);
  }

  /** {@code line} with docklab speaking {@code lang} ({@code en}, {@code zh}). */
  Result runIn(String lang, String line) {
    return run(lang, line, InputStream.nullInputStream());
  }

  private Result run(String lang, String line, InputStream stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--data-root", root.toString(), "--lang", lang, "-c", line}, stdin,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String line, byte[] stdin) {
    return run(line, new ByteArrayInputStream(stdin));
  }

  /** {@code line} with docklab speaking {@code lang}, reading {@code stdin}. */
  Result runIn(String lang, String line, byte[] stdin) {
    return run(lang, line, new ByteArrayInputStream(stdin));
  }

  /** {@code docklab -c LINE} in a process of its own (from the packaged jar), for a test to kill. */
  Process spawn(String line) throws IOException {
    return new ProcessBuilder("java", "-jar", Path.of("target/docklab.jar").toAbsolutePath().toString(),
        "--data-root", root.toString(), "-c", line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Whether the log of any container of this data root holds {@code text}. */
  boolean anyContainerLogContains(String text) throws IOException {
    Path containers = root.resolve("containers");
    if (!Files.isDirectory(containers)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(containers)) {
      for (Path d : dirs.toList()) {
        Path log = d.resolve("container.log");
        if (Files.exists(log) && Files.readString(log).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Removes every container and user network through docklab itself, then the data root. */
  void destroy() throws IOException {
    run("docker rm -f $(docker ps -aq)");
    run("docker network prune -f"); // a user network's bridge is the host's
    for (Path m : Mounts.under(root)) {
      Posix.host().umount(m, Posix.MNT_DETACH);
    }
    Trees.deleteRecursively(root);
  }
}
