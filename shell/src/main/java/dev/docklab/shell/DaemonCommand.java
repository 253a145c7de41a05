package dev.docklab.shell;

import dev.docklab.daemon.Daemon;
import dev.docklab.daemon.EventHub;
import dev.docklab.daemon.ListenAddress;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code docklab daemon [-H unix://PATH] [-H tcp://127.0.0.1:PORT]}: the engine served as the Docker
 * Engine API until SIGINT or SIGTERM. Containers keep running under their monitors when it stops.
 */
final class DaemonCommand {
  private DaemonCommand() {}

  /** The addresses of {@code args} ({@code -H A}, {@code --host A}, {@code --tls}); the default socket when none. */
  static List<ListenAddress> addresses(List<String> args, Messages m) {
    List<ListenAddress> out = new ArrayList<>();
    boolean tls = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-H") || a.equals("--host")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(m.get("daemon.needs.value", a));
        }
        out.add(ListenAddress.parse(args.get(++i)));
      } else if (a.startsWith("-H") && a.length() > 2) {
        out.add(ListenAddress.parse(a.substring(2)));
      } else if (a.startsWith("--host=")) {
        out.add(ListenAddress.parse(a.substring("--host=".length())));
      } else if (a.equals("--tls")) {
        tls = true;
      } else {
        throw new IllegalArgumentException(m.get("daemon.unknown.option", a));
      }
    }
    for (ListenAddress a : out) {
      if (!a.loopback()) {
        throw new IllegalArgumentException(m.get(tls ? "daemon.tls.unsupported" : "daemon.tcp.needs.tls", a));
      }
    }
    return out.isEmpty() ? List.of(ListenAddress.DEFAULT) : out;
  }

  static int run(List<String> args, EngineOptions options, PrintStream out, PrintStream err, Messages m) {
    List<ListenAddress> addresses;
    try {
      addresses = addresses(args, m);
    } catch (IllegalArgumentException e) {
      err.println(m.get("main.error", e.getMessage()));
      return 2;
    }
    EventHub events = new EventHub();
    Engine engine;
    try {
      engine = Engine.open(options.withExitCommand(ContainerExited.command()), events);
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
      return 1;
    }
    Daemon daemon = new Daemon(engine, events);
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      if (engine.system().baseImagesMissing()) {
        err.println(m.get("repl.bootstrap"));
        for (String tag : engine.system().ensureBaseImages()) {
          err.println(m.get("repl.bootstrap.done", tag));
        }
      }
      daemon.start(addresses);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        daemon.close();
        engine.close();
        stopped.countDown();
        // SIGTERM and Ctrl-C are how a daemon is stopped: a clean stop, status 0 (as dockerd's)
        Runtime.getRuntime().halt(0);
      }, "docklab-daemon-stop"));
      for (ListenAddress a : addresses) {
        out.println(m.get("daemon.listening", a));
      }
      out.println(m.get("daemon.hint", addresses.get(0)));
      daemon.join();
      stopped.await();
      return 0;
    } catch (EngineException e) {
      err.println(m.get("main.error", Said.of(e, m)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      err.println(m.get("main.error", e.getMessage()));
    }
    daemon.close();
    engine.close();
    return 1;
  }
}
