package dev.docklab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run on the host for a test, its output (stdout and stderr together) and status.
 *
 * @param status the exit status
 * @param output what it printed
 */
public record HostCommand(int status, String output) {
  /**
   * Becomes the unprivileged user nobody, with no supplementary group. setpriv keeps root's capabilities
   * (PR_SET_KEEPCAPS, then capset) until its own exec, so it would find and open the command's path as
   * root would; {@code env}, exec'd by it with no capability left, runs the command as a real local user.
   */
  public static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
      "env");

  /** Runs {@code command} and waits at most 30 s for it. */
  public static HostCommand run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not end");
    }
    return new HostCommand(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Runs {@code command} as the user nobody (uid and gid 65534). */
  public static HostCommand asNobody(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(AS_NOBODY);
    all.addAll(List.of(command));
    return run(all);
  }
}
