package dev.docklab.shell;

import dev.docklab.daemon.Daemon;
import dev.docklab.daemon.EventHub;
import dev.docklab.daemon.ListenAddress;
import dev.docklab.daemon.TlsFiles;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code docklab daemon [-H unix://PATH] [-H tcp://ADDR:PORT] [--tlsverify --tlscacert CA] [--tls]
 * [--tlscert CERT --tlskey KEY]}: the engine served as the Docker Engine API until SIGINT or SIGTERM. Containers keep running under their monitors when it stops.
 */
final class DaemonCommand {
  private DaemonCommand() {}

  /** What {@code docklab daemon}'s options ask for: where to listen, and the TLS files for TCP (null for none). */
  record Options(List<ListenAddress> addresses, TlsFiles tls) {}

  /** The addresses of {@code args} ({@code -H A}, {@code --host A}); the default socket when none. */
  static List<ListenAddress> addresses(List<String> args, Messages m) {
    return options(args, m).addresses();
  }

  /**
   * Reads {@code -H}/{@code --host} and dockerd's TLS flags ({@code --tls}, {@code --tlsverify},
   * {@code --tlscacert}, {@code --tlscert}, {@code --tlskey}); a TCP address beyond loopback is refused
   * without TLS, and TLS without its files.
   */
  static Options options(List<String> args, Messages m) {
    List<ListenAddress> out = new ArrayList<>();
    boolean tls = false;
    boolean verify = false;
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
      if (a.equals("-H") || a.equals("--host")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(m.get("daemon.needs.value", a));
        }
        out.add(ListenAddress.parse(args.get(++i)));
      } else if (a.startsWith("-H") && a.length() > 2) {
        out.add(ListenAddress.parse(a.substring(2)));
      } else if (name.equals("--host")) {
        out.add(ListenAddress.parse(inline));
      } else if (a.equals("--tls")) {
        tls = true;
      } else if (a.equals("--tlsverify")) {
        verify = true;
      } else if (List.of("--tlscacert", "--tlscert", "--tlskey").contains(name)) {
        if (inline == null && i + 1 >= args.size()) {
          throw new IllegalArgumentException(m.get("daemon.tls.needs.file", name));
        }
        files.put(name, inline != null ? inline : args.get(++i));
      } else {
        throw new IllegalArgumentException(m.get("daemon.unknown.option", a));
      }
    }
    TlsFiles tlsFiles = null;
    if (tls || verify) {
      if (!files.containsKey("--tlscert") || !files.containsKey("--tlskey")) {
        throw new IllegalArgumentException(m.get("daemon.tls.needs.pair"));
      }
      if (verify && !files.containsKey("--tlscacert")) {
        throw new IllegalArgumentException(m.get("daemon.tlsverify.needs.ca"));
      }
      tlsFiles = new TlsFiles(verify ? Path.of(files.get("--tlscacert")) : null, Path.of(files.get("--tlscert")),
          Path.of(files.get("--tlskey")), verify);
    }
    for (ListenAddress a : out) {
      if (!a.loopback() && tlsFiles == null) {
        throw new IllegalArgumentException(m.get("daemon.tcp.needs.tls", a));
      }
    }
    return new Options(out.isEmpty() ? List.of(ListenAddress.DEFAULT) : out, tlsFiles);
  }

  static int run(List<String> args, EngineOptions options, PrintStream out, PrintStream err, Messages m) {
    List<ListenAddress> addresses;
    TlsFiles tls;
    try {
      Options o = options(args, m);
      addresses = o.addresses();
      tls = o.tls();
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
      daemon.start(addresses, tls);
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
