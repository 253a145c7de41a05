package dev.docklab.engine.network;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the host's {@code ip} and {@code iptables}, which set up bridges, namespaces and rules. */
final class HostCommands {
  private HostCommands() {}

  /** What a command printed (stdout and stderr together) and its exit code. */
  record Result(int code, String output) {}

  /** Runs {@code cmd} and returns its exit code and output. */
  static Result run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw EngineException.system(EngineMessage.HOST_COMMAND_FAILED, e, cmd.get(0), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.system(EngineMessage.INTERRUPTED_RUNNING, e, cmd.get(0));
    }
  }

  /** {@code ip ARGS...}; a clear error when it fails. */
  static void ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    Result r = run(cmd);
    if (r.code() != 0) {
      throw EngineException.system(String.join(" ", cmd) + " failed: " + r.output(), null);
    }
  }
}
