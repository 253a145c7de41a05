package dev.docklab.shell.command;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Signals;
import dev.docklab.engine.api.Started;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/** {@code start}, {@code stop}, {@code restart}, {@code kill}, {@code pause}, {@code unpause}, {@code wait}, {@code rename}. */
public final class LifecycleCommands {
  private LifecycleCommands() {}

  public static List<Command> all() {
    return List.of(start(), stop(), restart(), kill(), pause(), unpause(), waitCommand(), rename());
  }

  /** At most this many containers are worked on at once, as the docker CLI's parallel operations. */
  private static final int PARALLEL = 50;

  /**
   * Runs {@code op} on every named container at once, as the docker CLI does for stop, kill, rm,
   * pause...; then prints, in the order given, each name (or what {@code op} returns) or its error.
   */
  static int forEach(Args args, Session s, BiFunction<String, Session, String> op) throws InterruptedException {
    args.requireAtLeast(1);
    List<String> names = args.positionals();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), PARALLEL), r -> {
      Thread t = new Thread(r, "docker-parallel");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String name : names) {
        results.add(pool.submit(() -> op.apply(name, s)));
      }
      int status = 0;
      for (Future<String> result : results) {
        status |= report(result, s);
      }
      return status;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int report(Future<String> result, Session s) throws InterruptedException {
    try {
      String printed = result.get();
      if (printed != null) {
        s.out().println(printed);
      }
      return 0;
    } catch (ExecutionException wrapped) {
      if (wrapped.getCause() instanceof EngineException e) {
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
      if (wrapped.getCause() instanceof RuntimeException e) {
        throw e;
      }
      throw new IllegalStateException(wrapped.getCause());
    }
  }

  static Command start() {
    List<Option> opts = List.of(Option.bool("attach", 'a', "opt.start.attach"),
        Option.bool("interactive", 'i', "opt.start.interactive"));
    return new SimpleCommand("start", "start [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      boolean attach = args.has("attach") || args.has("interactive");
      if (attach && args.positionals().size() > 1) {
        s.err().println("you cannot start and attach multiple containers at once");
        return 1;
      }
      if (!attach) {
        return forEach(args, s, (name, x) -> {
          x.engine().containers().start(name, false);
          return name;
        });
      }
      args.requireAtLeast(1);
      String name = args.positionals().get(0);
      try {
        Container c = s.engine().containers().inspect(name);
        if (c.tty() && args.has("interactive") && !s.interaction().isTerminal()) {
          s.err().println("the input device is not a TTY");
          return 1;
        }
        Started started = s.engine().containers().start(name, true);
        boolean detached;
        try (var a = started.attachment()) {
          detached = s.interaction().attach(a, c.tty(), args.has("interactive") && c.openStdin());
        }
        return detached ? 0 : s.engine().containers().wait(c.id());
      } catch (EngineException e) {
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
    });
  }

  static Command stop() {
    List<Option> opts = List.of(Option.value("time", 't', "int", "opt.stop.time"),
        Option.value("signal", 's', "string", "opt.stop.signal"));
    return new SimpleCommand("stop", "stop [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      int t = args.intValue("time", Containers.CONTAINER_TIMEOUT);
      String sig = args.value("signal", null);
      return forEach(args, s, (name, x) -> {
        x.engine().containers().stop(name, t, sig);
        return name;
      });
    });
  }

  static Command restart() {
    List<Option> opts = List.of(Option.value("time", 't', "int", "opt.stop.time"));
    return new SimpleCommand("restart", "restart [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      int t = args.intValue("time", Containers.CONTAINER_TIMEOUT);
      return forEach(args, s, (name, x) -> {
        x.engine().containers().restart(name, t);
        return name;
      });
    });
  }

  static Command kill() {
    List<Option> opts = List.of(Option.value("signal", 's', "string", "opt.kill.signal"));
    return new SimpleCommand("kill", "kill [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      String sig = args.value("signal", "KILL");
      try {
        Signals.normalize(sig);
      } catch (EngineException e) {
        args.requireAtLeast(1);
        s.err().println(Errors.daemon(e, s));
        return 1;
      }
      return forEach(args, s, (name, x) -> {
        x.engine().containers().kill(name, sig);
        return name;
      });
    });
  }

  static Command pause() {
    return new SimpleCommand("pause", "pause CONTAINER [CONTAINER...]", List.of(), true,
        (args, s) -> forEach(args, s, (name, x) -> {
          x.engine().containers().pause(name);
          return name;
        }));
  }

  static Command unpause() {
    return new SimpleCommand("unpause", "unpause CONTAINER [CONTAINER...]", List.of(), true,
        (args, s) -> forEach(args, s, (name, x) -> {
          x.engine().containers().unpause(name);
          return name;
        }));
  }

  static Command waitCommand() {
    return new SimpleCommand("wait", "wait CONTAINER [CONTAINER...]", List.of(), true,
        (args, s) -> forEach(args, s, (name, x) -> String.valueOf(x.engine().containers().wait(name))));
  }

  static Command rename() {
    return new SimpleCommand("rename", "rename CONTAINER NEW_NAME", List.of(), true, (args, s) -> {
      args.requireExactly(2);
      s.engine().containers().rename(args.positionals().get(0), args.positionals().get(1));
      return 0;
    });
  }
}
