package dev.docklab.shell.interp;

import dev.docklab.shell.command.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's shell (bash, else {@code /bin/sh}) in the learner's workspace: runs a line that is not docklab's
 * ({@code mkdir test; ls}), feeds docklab's output to one ({@code | grep busybox}, {@code > b.tar}),
 * or captures what one printed for a docklab command ({@code cat pw.txt |}, {@code < b.tar}). A
 * {@code cd} on the host moves the workspace, as in a terminal.
 */
final class HostShell {
  /** bash where the host has it, as on the Docker hosts tutorials are written for; else sh. */
  static final String SHELL = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";

  private HostShell() {}

  /**
   * What a host command gets besides the REPL's own environment: {@code DOCKER_HOST} when the line
   * names docker (so that the engine is served, if it was not yet, only for a line that needs it).
   */
  private static Map<String, String> environment(Session s, String line, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    String host = line.contains("docker") ? s.state().dockerHost() : null;
    if (host != null) {
      env.put("DOCKER_HOST", host);
    }
    return env;
  }

  /** What a host command printed on its standard output ({@code bytes} null when it could not run), and its status. */
  record Output(int status, byte[] bytes) {}

  /** Runs {@code line} on the session's terminal (or streams) and returns its status. */
  static int run(String line, Session s) {
    Path pwdFile = null;
    try {
      pwdFile = Files.createTempFile("docklab-pwd-", "");
      String script = line + "\n__docklab_status=$?\npwd > \"$DOCKLAB_PWD_FILE\"\nexit $__docklab_status\n";
      int code = s.interaction().runOnTerminal(List.of(SHELL, "-c", script), s.workspace(),
          environment(s, line, Map.of("DOCKLAB_PWD_FILE", pwdFile.toString())));
      String pwd = Files.readString(pwdFile).strip();
      if (!pwd.isEmpty()) {
        s.state().setWorkspace(Path.of(pwd));
      }
      return code;
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("shell.host-failed", firstWord(line), e.getMessage()));
      return 127;
    } finally {
      if (pwdFile != null) {
        try {
          Files.deleteIfExists(pwdFile);
        } catch (IOException e) {
          // a temp file
        }
      }
    }
  }

  /** Runs {@code line} with {@code input} as its standard input; its output goes to the session's. */
  static int feed(String line, byte[] input, Session s) {
    return run(line, s.withStreams(s.out(), s.err(), new ByteArrayInputStream(input)));
  }

  /** Runs {@code line} with its standard output captured and its errors shown. */
  static Output capture(String line, Session s) {
    try {
      ProcessBuilder pb = new ProcessBuilder(SHELL, "-c", line).directory(s.workspace().toFile())
          .redirectInput(ProcessBuilder.Redirect.INHERIT);
      pb.environment().putAll(environment(s, line, Map.of()));
      Process p = pb.start();
      Thread errors = new Thread(() -> {
        try (var in = p.getErrorStream()) {
          in.transferTo(s.err());
        } catch (IOException e) {
          // the command ended
        }
      });
      errors.start();
      byte[] bytes = p.getInputStream().readAllBytes();
      int status = p.waitFor();
      errors.join();
      return new Output(status, bytes);
    } catch (IOException e) {
      s.err().println("docklab: " + s.msg("shell.host-failed", firstWord(line), e.getMessage()));
      return new Output(127, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Output(130, null);
    }
  }

  /** The program a host line starts with, to name it when it cannot run. */
  private static String firstWord(String line) {
    String t = line.stripLeading();
    int end = 0;
    while (end < t.length() && " \t\n;&|()<>".indexOf(t.charAt(end)) < 0) {
      end++;
    }
    return t.substring(0, end);
  }
}
