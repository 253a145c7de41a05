package dev.docklab.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real docker CLI ({@code /usr/local/bin/docker}) pointed at a daemon's socket, with a config of its own. */
final class DockerCli {
  static final Path BINARY = Path.of("/usr/local/bin/docker");
  private final Path socket;
  private final Path config;

  /** What a command printed, and its exit status. */
  record Result(int status, String out, String err) {}

  DockerCli(Path socket, Path config) {
    this.socket = socket;
    this.config = config;
  }

  /** The command line that runs {@code args} against the daemon. */
  List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--config", config.toString(), "-H",
        "unix://" + socket));
    cmd.addAll(List.of(args));
    return cmd;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
    Path out = config.resolve("out");
    Path err = config.resolve("err");
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("docker " + String.join(" ", args) + " did not end in 60 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
