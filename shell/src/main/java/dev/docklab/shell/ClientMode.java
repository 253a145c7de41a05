package dev.docklab.shell;

import dev.docklab.shell.io.Executables;
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
import java.time.Duration;
import java.util.Map;

/**
 * A second docklab on a data root whose engine another docklab (a REPL or {@code docklab daemon})
 * holds and serves: it is a client of that engine, as a second terminal on a Docker host is. Its REPL
 * runs on that engine through the socket (see {@code RemoteEngine}); its one-shot lines ({@code -c}, a
 * script) run in bash with {@code DOCKER_HOST} on the served socket, so {@code docker ...} is the docker
 * CLI talking to the Docker Engine API, and a one-shot {@code -c} costs what the CLI costs.
 */
final class ClientMode {
  /** The docker CLI the lines run: Docker's own, where installed. */

  private ClientMode() {}

  /** How long a docklab that finds the engine held waits for its holder to serve it (the holder's first start). */
  static final Duration SOCKET_WAIT = Duration.ofSeconds(30);

  /** The socket serving {@code dataRoot}'s engine when a docklab answers on it, else null. */
  static Path served(Path dataRoot) {
    Path socket = Served.socketFor(dataRoot);
    if (!Files.exists(socket)) {
      return null;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return socket;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The socket serving {@code dataRoot}'s engine, waiting up to {@code patience} for a docklab to answer on
   * it (one that holds the engine serves it once it is up); null when none does by then.
   */
  static Path awaitServed(Path dataRoot, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Path socket = served(dataRoot);
      if (socket != null || System.nanoTime() > deadline) {
        return socket;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** Whether the docker CLI that one-shot lines run is installed. */
  static boolean cliInstalled() {
    return Executables.dockerCli().isPresent();
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
