package dev.docklab.shell;

import dev.docklab.shell.i18n.Messages;
import dev.docklab.shell.render.Wrap;
import dev.docklab.shell.repl.SystemTerminal;
import dev.docklab.shell.repl.TerminalInteraction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * A second docklab on a data root whose engine another docklab (a REPL or {@code docklab daemon})
 * holds and serves: it is a client of that engine, as a second terminal on a Docker host is. Each line
 * runs in bash with {@code DOCKER_HOST} on the served socket, so {@code docker ...} is the docker CLI
 * talking to the Docker Engine API. It starts no engine, so a one-shot {@code -c} costs what the CLI costs.
 */
final class ClientMode {
  /** The docker CLI the lines run: Docker's own, where installed. */
  static final Path DOCKER_CLI = Path.of("/usr/local/bin/docker");

  private ClientMode() {}

  /** The socket serving {@code dataRoot}'s engine when a docklab answers on it, else null. */
  static Path served(Path dataRoot) {
    Path socket = Served.socketFor(dataRoot);
    if (!Files.exists(socket) || !(Files.isExecutable(DOCKER_CLI) || onPath("docker"))) {
      return null;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return socket;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> env(Path socket) {
    return Map.of("DOCKER_HOST", "unix://" + socket);
  }

  /** Runs each line of {@code lines} (a {@code -c} line or a script) against the served engine. */
  static int lines(BufferedReader lines, Path socket, PrintStream out, PrintStream err) throws IOException {
    int status = 0;
    StringBuilder script = new StringBuilder();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      script.append(line).append('\n');
    }
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script.toString())
        .redirectInput(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(env(socket));
    Process p = pb.start();
    Thread errors = copy(p.getErrorStream(), err);
    p.getInputStream().transferTo(out);
    try {
      status = p.waitFor();
      errors.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      return 130;
    }
    out.flush();
    return status;
  }

  /** The REPL of a second terminal: each line in bash against the served engine, until exit or Ctrl-D. */
  static int repl(Path socket, Messages messages, PrintStream out) throws IOException {
    try (Terminal terminal = SystemTerminal.open()) {
      TerminalInteraction interaction = new TerminalInteraction(terminal);
      String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("docklab")
          .variable(LineReader.HISTORY_FILE, Path.of(home, ".docklab_history"))
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
      Wrap.lines(messages.get("client.welcome", "unix://" + socket), "", interaction.width())
          .forEach(out::println);
      int status = 0;
      while (true) {
        String line;
        try {
          line = reader.readLine("docklab> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return status;
        }
        if (line.strip().equals("exit") || line.strip().equals("quit")) {
          return status;
        }
        if (line.isBlank()) {
          continue;
        }
        status = interaction.runOnTerminal(List.of("/bin/bash", "-c", line), Path.of(home), env(socket));
      }
    }
  }

  private static Thread copy(InputStream in, OutputStream to) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(to);
        to.flush();
      } catch (IOException e) {
        // the program ended
      }
    }, "docklab-client-err");
    t.start();
    return t;
  }
}
