package dev.docklab.shell.command;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.StatsSample;
import dev.docklab.engine.api.UpdateRequest;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.render.GoTemplate;
import dev.docklab.shell.render.StatsRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code docker update} and {@code docker stats}: a container's limits changed, and its use of them watched. */
final class ResourceCommands {
  /** How long between two readings, as Docker's stats collector. */
  private static final long INTERVAL_MILLIS = 1000;

  private ResourceCommands() {}

  static List<Command> all() {
    return List.of(update(), stats());
  }

  static Command update() {
    List<Option> opts = List.of(
        Option.value("blkio-weight", '\0', "uint16", "opt.run.blkio-weight"),
        Option.value("cpu-period", '\0', "int", "opt.run.cpu-period"),
        Option.value("cpu-quota", '\0', "int", "opt.run.cpu-quota"),
        Option.value("cpu-rt-period", '\0', "int", "opt.run.cpu-rt-period"),
        Option.value("cpu-rt-runtime", '\0', "int", "opt.run.cpu-rt-runtime"),
        Option.value("cpu-shares", 'c', "int", "opt.run.cpu-shares"),
        Option.value("cpus", '\0', "decimal", "opt.run.cpus"),
        Option.value("cpuset-cpus", '\0', "string", "opt.run.cpuset-cpus"),
        Option.value("cpuset-mems", '\0', "string", "opt.run.cpuset-mems"),
        Option.value("memory", 'm', "bytes", "opt.run.memory"),
        Option.value("memory-reservation", '\0', "bytes", "opt.run.memory-reservation"),
        Option.value("memory-swap", '\0', "bytes", "opt.run.memory-swap"),
        Option.value("pids-limit", '\0', "int", "opt.run.pids-limit"),
        Option.value("restart", '\0', "string", "opt.run.restart"));
    return new SimpleCommand("update", "update [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      args.requireAtLeast(1);
      UpdateRequest u = request(args);
      if (u.empty()) {
        throw new UsageException(args.command(), "you must provide one or more flags when using this command");
      }
      int status = 0;
      List<String> failures = new ArrayList<>();
      for (String ref : args.positionals()) {
        try {
          s.engine().containers().update(ref, u).forEach(w -> s.err().println(w));
          s.out().println(ref);
        } catch (EngineException e) {
          failures.add(Said.of(e, s.messages()));
          status = 1;
        }
      }
      failures.forEach(f -> s.err().println("Error response from daemon: " + f));
      return status;
    });
  }

  /** The flags given, as the docker CLI's UpdateConfig: what is not given stays null. */
  static UpdateRequest request(Args args) {
    String cmd = args.command();
    Long nano = args.value("cpus", null) == null ? null : ResourceFlags.nanoCpus(cmd, args.value("cpus", null));
    Long memory = args.value("memory", null) == null ? null : ResourceFlags.bytes(cmd, args, "memory", false);
    Long pids = args.value("pids-limit", null) == null ? null : ResourceFlags.int64(cmd, args, "pids-limit", null);
    RestartPolicy restart = args.value("restart", null) == null ? null
        : RestartPolicy.parse(args.value("restart", null));
    Integer weight = args.value("blkio-weight", null) == null ? null
        : (int) ResourceFlags.int64(cmd, args, "blkio-weight", null);
    return new UpdateRequest(nano, given(cmd, args, "cpu-shares", "-c, --cpu-shares"),
        given(cmd, args, "cpu-period", null), given(cmd, args, "cpu-quota", null),
        given(cmd, args, "cpu-rt-period", null), given(cmd, args, "cpu-rt-runtime", null),
        args.value("cpuset-cpus", null), args.value("cpuset-mems", null), memory,
        args.value("memory-reservation", null) == null ? null
            : ResourceFlags.bytes(cmd, args, "memory-reservation", false),
        args.value("memory-swap", null) == null ? null : ResourceFlags.bytes(cmd, args, "memory-swap", true),
        pids, weight, restart);
  }

  private static Long given(String cmd, Args args, String name, String shown) {
    return args.value(name, null) == null ? null : ResourceFlags.int64(cmd, args, name, shown);
  }

  static Command stats() {
    List<Option> opts = List.of(
        Option.bool("all", 'a', "opt.stats.all"),
        Option.value("format", '\0', "string", "opt.stats.format"),
        Option.bool("no-stream", '\0', "opt.stats.no-stream"),
        Option.bool("no-trunc", '\0', "opt.stats.no-trunc"));
    return new SimpleCommand("stats", "stats [OPTIONS] [CONTAINER...]", opts, true, (args, s) -> {
      String format = args.value("format", StatsRows.DEFAULT_FORMAT);
      if (format.isEmpty() || format.equals("table")) {
        format = StatsRows.DEFAULT_FORMAT;
      }
      GoTemplate.parse(format.startsWith("table") ? format.substring(5) : format.equals("json") ? "" : format);
      List<String> given = args.positionals();
      List<Container> targets = new ArrayList<>();
      for (String ref : given) {
        targets.add(s.engine().containers().inspect(ref));
      }
      boolean stream = !args.has("no-stream");
      Map<String, StatsSample> previous = new HashMap<>();
      AtomicBoolean cancelled = new AtomicBoolean();
      if (stream) {
        s.foreground().cancellable(() -> cancelled.set(true));
      }
      try {
        read(s, targets, given.isEmpty(), args.has("all"), previous); // the first reading: CPU needs two
        do {
          Thread.sleep(INTERVAL_MILLIS);
          if (cancelled.get()) {
            break;
          }
          List<String> lines = lines(s, targets, given, args.has("all"), args.has("no-trunc"), format, previous);
          if (stream && s.interaction().isTerminal()) {
            // as the docker CLI redraws: home, each line over the last one's, the rest of the screen cleared
            s.out().print("\033[H");
            lines.forEach(l -> s.out().print(l + "\033[K\n"));
            s.out().print("\033[J");
          } else {
            lines.forEach(s.out()::println);
          }
          s.out().flush();
        } while (stream && !cancelled.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (stream) {
          s.foreground().finished();
        }
      }
      if (cancelled.get()) {
        s.err().println(); // the terminal echoed ^C: the prompt goes on a line of its own
      }
      return 0;
    });
  }

  private static List<Container> current(Session s, List<Container> targets, boolean everyRunning, boolean all) {
    if (!everyRunning) {
      return targets;
    }
    return s.engine().containers().list(all);
  }

  private static Map<String, StatsSample> read(Session s, List<Container> targets, boolean everyRunning,
      boolean all, Map<String, StatsSample> into) {
    for (Container c : current(s, targets, everyRunning, all)) {
      try {
        into.put(c.id(), s.engine().containers().stats(c.id()));
      } catch (EngineException e) {
        into.remove(c.id()); // removed meanwhile
      }
    }
    return into;
  }

  private static List<String> lines(Session s, List<Container> targets, List<String> given, boolean all,
      boolean noTrunc, String format, Map<String, StatsSample> previous) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Container> list = current(s, targets, given.isEmpty(), all);
    for (int i = 0; i < list.size(); i++) {
      Container c = list.get(i);
      StatsSample now;
      try {
        now = s.engine().containers().stats(c.id());
      } catch (EngineException e) {
        continue;
      }
      String shown = given.isEmpty() ? c.shortId() : given.get(i);
      rows.add(StatsRows.fields(shown, c.id(), c.name(), now, previous.get(c.id()), noTrunc));
      previous.put(c.id(), now);
    }
    if (format.equals("json")) {
      List<String> out = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(r).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k)
            .append("\":\"").append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        out.add(b.append('}').toString());
      }
      return out;
    }
    return StatsRows.render(format, rows);
  }
}
