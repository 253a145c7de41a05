package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.GoDuration;
import dev.docklab.engine.api.Lifecycle;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker run}'s flags for healthchecks, the stop signal and timeout, the log driver and {@code --volumes-from}. */
final class LifecycleFlags {
  private LifecycleFlags() {}

  /** The options, as {@code docker run --help} lists them, with the client-side ones of {@link RunClient}. */
  static List<Option> options() {
    List<Option> all = new ArrayList<>(List.of(
        Option.value("health-cmd", '\0', "string", "opt.run.health-cmd"),
        Option.value("health-interval", '\0', "duration", "opt.run.health-interval"),
        Option.value("health-retries", '\0', "int", "opt.run.health-retries"),
        Option.value("health-start-interval", '\0', "duration", "opt.run.health-start-interval"),
        Option.value("health-start-period", '\0', "duration", "opt.run.health-start-period"),
        Option.value("health-timeout", '\0', "duration", "opt.run.health-timeout"),
        Option.bool("no-healthcheck", '\0', "opt.run.no-healthcheck"),
        Option.value("stop-signal", '\0', "string", "opt.run.stop-signal"),
        Option.value("stop-timeout", '\0', "int", "opt.run.stop-timeout"),
        Option.value("log-driver", '\0', "string", "opt.run.log-driver"),
        Option.value("log-opt", '\0', "list", "opt.run.log-opt"),
        Option.value("volumes-from", '\0', "list", "opt.run.volumes-from")));
    all.addAll(RunClient.options());
    return all;
  }

  /** What the options given ask for; an {@code EngineException} for a bad value. */
  static Lifecycle read(Args args, Session s) {
    Integer stopTimeout = args.value("stop-timeout", null) == null ? null : args.intValue("stop-timeout", 10);
    String cid = args.value("cidfile", null);
    return new Lifecycle(healthcheck(args), args.value("stop-signal", ""), stopTimeout,
        args.value("log-driver", ""), logOpts(args), args.values("volumes-from"),
        cid == null || s == null ? cid : s.workspace().resolve(cid).toString(), annotations(args));
  }

  /** The docker client's healthcheck: {@code --no-healthcheck}, or the {@code --health-*} flags; null for the image's. */
  static Lifecycle.Healthcheck healthcheck(Args args) {
    String cmd = args.value("health-cmd", "");
    Duration interval = duration(args, "health-interval");
    Duration timeout = duration(args, "health-timeout");
    Duration startPeriod = duration(args, "health-start-period");
    Duration startInterval = duration(args, "health-start-interval");
    int retries = args.intValue("health-retries", 0);
    boolean any = !cmd.isEmpty() || !interval.isZero() || !timeout.isZero() || !startPeriod.isZero()
        || retries != 0 || !startInterval.isZero();
    if (args.has("no-healthcheck")) {
      if (any) {
        throw EngineException.invalid("--no-healthcheck conflicts with --health-* options");
      }
      return Lifecycle.Healthcheck.NONE;
    }
    if (!any) {
      return null;
    }
    negative(interval.isNegative(), "interval");
    negative(timeout.isNegative(), "timeout");
    negative(retries < 0, "retries");
    negative(startPeriod.isNegative(), "start-period");
    negative(startInterval.isNegative(), "start-interval");
    return new Lifecycle.Healthcheck(cmd.isEmpty() ? List.of() : List.of("CMD-SHELL", cmd), interval.toNanos(),
        timeout.toNanos(), startPeriod.toNanos(), startInterval.toNanos(), retries);
  }

  private static void negative(boolean is, String flag) {
    if (is) {
      throw EngineException.invalid("--health-" + flag + " cannot be negative");
    }
  }

  /** A duration flag as pflag reads it (Go's syntax), zero when not given. */
  static Duration duration(Args args, String name) {
    String v = args.value(name, null);
    if (v == null) {
      return Duration.ZERO;
    }
    try {
      return GoDuration.parse(v);
    } catch (IllegalArgumentException e) {
      throw new UsageException(args.command(), "invalid argument \"" + v + "\" for \"--" + name + "\" flag: "
          + e.getMessage());
    }
  }

  /** {@code --annotation KEY=VALUE}, as the docker client reads them (a bare KEY: an empty value). */
  private static Map<String, String> annotations(Args args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : args.values("annotation")) {
      int eq = a.indexOf('=');
      out.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    return out;
  }

  /** {@code --log-opt KEY=VALUE} as the docker client reads them (a bare KEY: an empty value); the engine checks them. */
  private static Map<String, String> logOpts(Args args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String o : args.values("log-opt")) {
      int eq = o.indexOf('=');
      out.put(eq < 0 ? o : o.substring(0, eq), eq < 0 ? "" : o.substring(eq + 1));
    }
    if (args.value("log-driver", "").equals("none") && !out.isEmpty()) {
      throw EngineException.invalid("invalid logging opts for driver none");
    }
    return out;
  }
}
