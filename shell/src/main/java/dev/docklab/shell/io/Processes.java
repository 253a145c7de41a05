package dev.docklab.shell.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a host process with its output copied into docklab's streams, as it comes. */
public final class Processes {
  private Processes() {}

  /**
   * Runs {@code command} and returns its exit status.
   *
   * @param in what to feed its stdin, or null for none
   */
  public static int run(List<String> command, Path cwd, Map<String, String> env, InputStream in, PrintStream out,
      PrintStream err) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (cwd != null) {
      pb.directory(cwd.toFile());
    }
    pb.environment().putAll(env);
    if (in == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.start();
    if (in != null) {
      daemon(() -> {
        try (var to = p.getOutputStream()) {
          in.transferTo(to);
        } catch (IOException e) {
          // the process ended first
        }
      });
    }
    Thread e = copy(p.getErrorStream(), err);
    copy(p.getInputStream(), out).join();
    e.join();
    return p.waitFor();
  }

  private static Thread copy(InputStream from, PrintStream to) {
    return daemon(() -> {
      byte[] buf = new byte[8192];
      try (from) {
        int n;
        while ((n = from.read(buf)) > 0) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // ended
      }
    });
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
