package dev.docklab.shell;

import dev.docklab.daemon.ApiCall;
import dev.docklab.daemon.Daemon;
import dev.docklab.daemon.EventHub;
import dev.docklab.daemon.ListenAddress;
import dev.docklab.daemon.Peer;
import dev.docklab.daemon.client.RemoteEngine;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineEvent;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EventStep;
import dev.docklab.shell.explain.ApiSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine of this REPL (or script) served as the Docker Engine API on a Unix socket, as
 * {@code docklab daemon} serves it: the real docker CLI in another terminal, and the bash lines the REPL
 * runs ({@code for c in $(docker ps -q); do ...}), reach this very engine through {@code DOCKER_HOST}.
 * It starts when first asked for; the REPL asks as soon as its engine is up. Each request that a
 * process started by this docklab makes (the docker CLI in a bash line) goes to {@code trace} as an
 * {@code api} step, so {@code explain last} shows the REST calls; a client that is no descendant of this
 * process (a teacher's terminal) is served but not traced. When this REPL's engine is another docklab's,
 * served on a socket ({@link RemoteEngine}), that socket is the one named and nothing more is served.
 */
final class Served implements AutoCloseable {
  /** The longest command line {@code explain} names a client by. */
  static final int COMMAND_WIDTH = 40;
  private final Supplier<Engine> engine;
  private final EventHub events;
  private final Path socket;
  private final EngineListener trace;
  private final long self = ProcessHandle.current().pid();
  private volatile Daemon daemon; // volatile: read without the lock by servingForeign, on the engine's threads
  private Path clientOf;
  private boolean failed;

  Served(Supplier<Engine> engine, EventHub events, Path dataRoot, EngineListener trace) {
    this.engine = engine;
    this.events = events;
    this.socket = socketFor(dataRoot);
    this.trace = trace;
  }

  /** Docker's place for the default data root's socket; beside the data root for any other. */
  static Path socketFor(Path dataRoot) {
    return dataRoot.toAbsolutePath().normalize().equals(EngineOptions.DEFAULT_DATA_ROOT)
        ? ListenAddress.DEFAULT.socket() : dataRoot.resolve("docklab.sock");
  }

  /** {@code unix://SOCKET} once served; null when it could not be (the socket taken, the engine closed). */
  synchronized String dockerHost() {
    if (daemon == null && clientOf == null && !failed) {
      try {
        Engine e = engine.get();
        if (e instanceof RemoteEngine remote) {
          clientOf = remote.socket();
          return "unix://" + clientOf;
        }
        events.bind(e);
        Daemon d = new Daemon(e, events).onCall(this::traced);
        d.start(List.of(new ListenAddress(socket, null, 0)));
        daemon = d;
      } catch (Exception e) {
        failed = true;
      }
    }
    return clientOf != null ? "unix://" + clientOf : daemon == null ? null : "unix://" + socket;
  }

  /** {@code unix://SOCKET} when served now, else null; never starts serving. */
  synchronized String now() {
    return clientOf != null ? "unix://" + clientOf : daemon == null ? null : "unix://" + socket;
  }

  /** Whether this REPL's engine is another docklab's, served on the socket {@link #dockerHost} names. */
  synchronized boolean client() {
    return clientOf != null;
  }

  /** A call made by a process this docklab started (a bash line's docker) becomes an {@code api} step. */
  private void traced(ApiCall call) {
    if (call.client().descendsFrom(self)) {
      trace.on(new EngineEvent(EventStep.API, client(call.client().command(), call.client().pid()), call.line(),
          call.took()));
    }
  }

  /** Whether the calling thread serves a request of a process this docklab did not start. */
  boolean servingForeign() {
    Daemon d = daemon;
    Peer p = d == null ? null : d.servingNow();
    return p != null && !p.descendsFrom(self);
  }

  /** The socket, who serves it and who is connected now; null when it is not served. */
  synchronized ApiSocket socket() {
    if (daemon == null) {
      return null;
    }
    String mode = "?";
    String owner = "?";
    String group = "?";
    try {
      PosixFileAttributes a = Files.readAttributes(socket, PosixFileAttributes.class);
      mode = PosixFilePermissions.toString(a.permissions());
      owner = a.owner().getName();
      group = a.group().getName();
    } catch (IOException e) {
      mode = "? (" + e.getMessage() + ")";
    }
    List<ApiSocket.Client> clients = daemon.clients().stream()
        .map(p -> new ApiSocket.Client(p.pid(), shorten(p.command()))).toList();
    return new ApiSocket(socket.toString(), mode, owner, group, self, clients);
  }

  /** A client as the trace names it: {@code docker ps -q (PID 4242)}. */
  static String client(String command, long pid) {
    return shorten(command) + " (PID " + pid + ")";
  }

  /** A command line to name a process by: the program's file name and its arguments, cut at 40 columns. */
  static String shorten(String command) {
    if (command.isBlank()) {
      return "?";
    }
    String[] words = command.strip().split(" ", 2);
    String program = words[0].substring(words[0].lastIndexOf('/') + 1);
    if (program.equals("java") && command.contains("docklab.jar")) {
      String rest = command.substring(command.indexOf("docklab.jar") + "docklab.jar".length()).strip();
      program = "docklab";
      words = new String[] {program, rest};
    }
    String text = words.length > 1 && !words[1].isBlank() ? program + " " + words[1].strip() : program;
    return text.length() > COMMAND_WIDTH ? text.substring(0, COMMAND_WIDTH - 1) + "…" : text;
  }

  @Override
  public synchronized void close() {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }
}
