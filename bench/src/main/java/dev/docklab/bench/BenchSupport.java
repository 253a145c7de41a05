package dev.docklab.bench;

import dev.docklab.engine.api.Engine;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.interp.Shell;
import dev.docklab.shell.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the benchmarks share: a shell that prints nothing, medians, a free port and external commands. */
final class BenchSupport {
  private BenchSupport() {}

  /** A shell on {@code engine} whose output goes nowhere and whose errors go to standard error. */
  static Shell quietShell(Engine engine) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    return new Shell(new Session(() -> engine, sink, System.err, InputStream.nullInputStream(),
        new Messages(Messages.Lang.EN), Session.Foreground.NONE));
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }
}
