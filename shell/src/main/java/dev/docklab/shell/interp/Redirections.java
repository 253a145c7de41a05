package dev.docklab.shell.interp;

import dev.docklab.shell.command.Session;
import dev.docklab.shell.line.Syntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A docklab command's redirections ({@code > f}, {@code >> f}, {@code 2> f}, {@code 2>&1},
 * {@code < f}), applied in the order typed, as a shell does. The host's shell reads and writes the
 * files ({@code cat < f}, {@code cat > f}) in the workspace, so a target may be anything it
 * understands ({@code ~/b.tar}); the bytes pass through intact.
 */
final class Redirections {
  /** Where descriptor 1 or 2 goes. */
  private sealed interface Target {}

  /** The standard output (or the pipe) and the standard error the command would have had. */
  private enum Std implements Target { OUT, ERR }

  /** A file, written by the host's shell once the command is done. */
  private record ToFile(String target, boolean append) implements Target {}

  /** A redirection docklab's own commands do not take ({@code <<}, {@code 3>}...). */
  static final class Unsupported extends Exception {
    Unsupported(Syntax.Redirect r) {
      super((r.fd() == r.op().defaultFd() ? "" : String.valueOf(r.fd())) + r.op().symbol() + r.target());
    }
  }

  private final Target[] fds = {null, Std.OUT, Std.ERR};
  private String input;

  private Redirections() {}

  static Redirections of(List<Syntax.Redirect> redirects) throws Unsupported {
    Redirections r = new Redirections();
    for (Syntax.Redirect x : redirects) {
      switch (x.op()) {
        case IN -> {
          if (x.fd() != 0) {
            throw new Unsupported(x);
          }
          r.input = x.target();
        }
        case OUT, CLOBBER, APPEND -> r.fds[outputFd(x)] = new ToFile(x.target(), x.op() == Syntax.Op.APPEND);
        case DUP_OUT -> {
          if (!x.target().equals("1") && !x.target().equals("2")) {
            throw new Unsupported(x);
          }
          r.fds[outputFd(x)] = r.fds[Integer.parseInt(x.target())];
        }
        default -> throw new Unsupported(x);
      }
    }
    return r;
  }

  private static int outputFd(Syntax.Redirect x) throws Unsupported {
    if (x.fd() != 1 && x.fd() != 2) {
      throw new Unsupported(x);
    }
    return x.fd();
  }

  /**
   * Runs {@code command} on a session with the streams redirected; {@code stdout} is where
   * descriptor 1 goes unless redirected (the session's own, or a pipe). Returns the command's status,
   * or the host's when it could not read or write a file.
   */
  int run(Session s, PrintStream stdout, ToIntFunction<Session> command) {
    InputStream in = s.in();
    if (input != null) {
      HostShell.Output read = HostShell.capture("cat " + input, s);
      if (read.bytes() == null || read.status() != 0) {
        return read.status();
      }
      in = new ByteArrayInputStream(read.bytes());
    }
    Map<ToFile, ByteArrayOutputStream> files = new LinkedHashMap<>();
    Map<ToFile, PrintStream> streams = new LinkedHashMap<>();
    PrintStream[] to = new PrintStream[3];
    for (int fd = 1; fd <= 2; fd++) {
      if (fds[fd] instanceof Std x) {
        to[fd] = x == Std.OUT ? stdout : s.err();
      } else if (fds[fd] instanceof ToFile f) {
        to[fd] = streams.computeIfAbsent(f, k -> new PrintStream(files.computeIfAbsent(k, b -> new ByteArrayOutputStream()),
            true, StandardCharsets.UTF_8));
      }
    }
    int status = command.applyAsInt(s.withStreams(to[1], to[2], in));
    streams.values().forEach(PrintStream::flush);
    for (Map.Entry<ToFile, ByteArrayOutputStream> f : files.entrySet()) {
      int written = HostShell.feed("cat " + (f.getKey().append() ? ">> " : "> ") + f.getKey().target(),
          f.getValue().toByteArray(), s);
      status = written != 0 ? written : status;
    }
    return status;
  }
}
