package dev.docklab.shell.command;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import dev.docklab.engine.api.MemorySize;
import dev.docklab.engine.api.NetworkMode;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.PortSpecs;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RuntimeFailure;
import dev.docklab.engine.api.Started;
import dev.docklab.engine.api.VolumeSpec;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.ContainerRows;
import dev.docklab.shell.render.GoTemplate;
import dev.docklab.shell.render.Human;
import dev.docklab.shell.render.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@code run}, {@code ps}, {@code rm}: containers. */
public final class ContainerCommands {
  private ContainerCommands() {}

  public static List<Command> all() {
    return List.of(run(), create(), ps(), rm(), InspectCommand.inspect());
  }

  private static List<Option> createOptions() {
    List<Option> all = new ArrayList<>(List.of(
        Option.bool("detach", 'd', "opt.run.detach"),
        Option.bool("interactive", 'i', "opt.run.interactive"),
        Option.bool("tty", 't', "opt.run.tty"),
        Option.bool("rm", '\0', "opt.run.rm"),
        Option.value("name", '\0', "string", "opt.run.name"),
        Option.value("memory", 'm', "bytes", "opt.run.memory"),
        Option.value("pids-limit", '\0', "int", "opt.run.pids-limit"),
        Option.value("env", 'e', "list", "opt.run.env"),
        Option.value("env-file", '\0', "list", "opt.run.env-file"),
        Option.value("workdir", 'w', "string", "opt.run.workdir"),
        Option.value("entrypoint", '\0', "string", "opt.run.entrypoint"),
        Option.value("user", 'u', "string", "opt.run.user"),
        Option.value("hostname", 'h', "string", "opt.run.hostname"),
        Option.value("restart", '\0', "string", "opt.run.restart"),
        Option.value("publish", 'p', "list", "opt.run.publish"),
        Option.bool("publish-all", 'P', "opt.run.publish-all"),
        Option.value("expose", '\0', "list", "opt.run.expose"),
        Option.value("label", 'l', "list", "opt.run.label"),
        Option.value("network", '\0', "network", "opt.run.network"),
        Option.value("net", '\0', "network", "opt.run.net"),
        Option.value("volume", 'v', "list", "opt.run.volume"),
        Option.value("mount", '\0', "mount", "opt.run.mount"),
        Option.value("security-opt", '\0', "list", "opt.run.security-opt"),
        Option.bool("privileged", '\0', "opt.run.privileged"),
        Option.bool("explain", '\0', "opt.run.explain")));
    all.addAll(ResourceFlags.options());
    all.addAll(HardeningFlags.options());
    all.addAll(NamespaceFlags.options());
    all.addAll(LifecycleFlags.options());
    return List.copyOf(all);
  }

  static Command run() {
    return new SimpleCommand("run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]", createOptions(), false, (args, s) -> {
      int status = runOrCreate(args, s, true);
      if (args.has("explain")) {
        ExplainCommand.trace(s).forEach(s.out()::println);
      }
      return status;
    });
  }

  static Command create() {
    List<Option> opts = createOptions().stream().filter(o -> !o.name().equals("detach")).toList();
    return new SimpleCommand("create", "create [OPTIONS] IMAGE [COMMAND] [ARG...]", opts, false,
        (args, s) -> runOrCreate(args, s, false));
  }

  private static int usageError(Session s, String cmd, String message) {
    s.err().println("docker: " + message + (message.endsWith(".") ? "" : "."));
    s.err().println("See 'docker " + cmd + " --help'.");
    return Errors.RUN_FAILED;
  }

  /** {@code -w}, {@code --entrypoint}, {@code -u} and {@code -h}; {@code --entrypoint ""} clears the image's. */
  private static RunRequest.Process process(Args args) {
    String entrypoint = args.value("entrypoint", null);
    return new RunRequest.Process(args.value("workdir", null),
        entrypoint == null ? null : entrypoint.isEmpty() ? List.of() : List.of(entrypoint),
        args.value("user", null), args.value("hostname", null));
  }

  /** {@code --label KEY=VALUE} (or {@code KEY} for an empty value), as the docker client reads them. */
  private static Map<String, String> labels(List<String> values) {
    Map<String, String> out = new TreeMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      String key = eq < 0 ? v : v.substring(0, eq);
      if (key.isBlank()) {
        throw EngineException.invalid("invalid label '" + v + "': empty name");
      }
      out.put(key, eq < 0 ? "" : v.substring(eq + 1));
    }
    return out;
  }

  /** {@code --network}, {@code -p}, {@code -P} and {@code --expose}, checked as the docker client does. */
  private static RunRequest.Network network(Args args, Session s) {
    String mode = args.value("network", args.value("net", null));
    NetworkMode m = NetworkMode.parse(mode);
    List<PortMapping> publish = new ArrayList<>();
    for (String p : args.values("publish")) {
      publish.addAll(PortSpecs.parsePublish(p));
    }
    List<String> expose = new ArrayList<>();
    for (String e : args.values("expose")) {
      expose.addAll(PortSpecs.parseExpose(e));
    }
    if (m == NetworkMode.HOST && (!publish.isEmpty() || args.has("publish-all"))) {
      s.err().println("WARNING: Published ports are discarded when using host network mode");
    }
    return new RunRequest.Network(m, publish, args.has("publish-all"), expose,
        m == NetworkMode.CONTAINER ? NetworkMode.containerTarget(mode) : m == NetworkMode.USER ? mode : null);
  }

  private static int runOrCreate(Args args, Session s, boolean start) {
    String cmd = start ? "run" : "create";
    args.requireAtLeast(1);
    if (ResourceFlags.windowsOnly(args) != null) {
      s.err().println(ResourceFlags.windowsOnly(args));
      return 1;
    }
    boolean detach = args.has("detach");
    boolean tty = args.has("tty");
    boolean stdin = args.has("interactive");
    if (start && tty && stdin && !detach && !s.interaction().isTerminal()) {
      s.err().println("the input device is not a TTY");
      return 1;
    }
    List<String> pos = args.positionals();
    String imageText = pos.get(0);
    RunRequest req;
    try {
      RunClient.check(args, detach, s.workspace());
      if (!imageText.matches("(sha256:)?[0-9a-f]{4,64}")) {
        ImageReference.parse(imageText); // a bad reference is the client's error, not the daemon's
      }
      RestartPolicy restart = RestartPolicy.parse(args.value("restart", null));
      if (args.has("rm") && !restart.name().equals("no")) {
        return usageError(s, cmd, "Conflicting options: --restart and --rm");
      }
      // Not given: the engine's default (0 in the request); 0 or -1 given: no limit (negative), as on Docker.
      long memory = args.value("memory", null) == null ? 0 : MemorySize.parse(args.value("memory", null));
      memory = memory == 0 && args.value("memory", null) != null ? -1 : memory;
      long pids = args.intValue("pids-limit", 0);
      pids = pids <= 0 && args.value("pids-limit", null) != null ? -1 : pids;
      List<VolumeSpec> volumes = new ArrayList<>();
      for (String v : args.values("volume")) {
        volumes.add(VolumeSpec.parseV(v));
      }
      for (String m : args.values("mount")) {
        if (VolumeSpec.tmpfsMount(m) == null) {
          volumes.add(VolumeSpec.parseMount(m)); // a tmpfs mount is --tmpfs's (HardeningFlags)
        }
      }
      volumes.addAll(RunClient.apiSocket(args));
      List<String> env = new ArrayList<>();
      for (String file : args.values("env-file")) {
        env.addAll(EnvFile.read(file, s.workspace(), System::getenv));
      }
      env.addAll(RunClient.env(args.values("env"), System::getenv));
      req = new RunRequest(imageText, args.value("name", null), pos.subList(1, pos.size()), env,
          memory, pids, args.has("rm"), tty, stdin, restart, volumes, network(args, s),
          labels(RunClient.labels(args, s.workspace())), SecurityOptions.read(args.values("security-opt"), s.workspace()))
          .withProcess(process(args))
          .withResources(ResourceFlags.read(args, s))
          .withHardening(HardeningFlags.read(args, s))
          .withNamespaces(NamespaceFlags.read(args, s))
          .withLifecycle(LifecycleFlags.read(args, s));
    } catch (EngineException e) {
      return usageError(s, cmd, Said.of(e, s.messages()));
    }
    try {
      RunClient.refusals(args, s, imageText);
      Image image = RunClient.image(args, s, imageText);
      s.engine().containers().checkResources(req).forEach(w -> s.err().println("WARNING: " + w));
      Container c = s.engine().containers().create(req, image);
      RunClient.writeCidFile(args, c.id(), s.workspace());
      if (!start) {
        s.out().println(c.id());
        return 0;
      }
      if (detach) {
        s.engine().containers().start(c.id(), false);
        s.out().println(c.id());
        return 0;
      }
      if (tty || stdin) {
        Started started = s.engine().containers().start(c.id(), true);
        boolean detached;
        try (var attachment = started.attachment()) {
          detached = s.interaction().attach(attachment, tty, stdin,
              RunClient.detachKeys(args));
        }
        return detached ? ProcessCommands.detachedFrom(c.name(), s) : s.engine().containers().wait(c.id());
      }
      if (!RunClient.proxiesSignals(args)) {
        return RunClient.runUnproxied(args, s, c);
      }
      s.foreground().started(c.id());
      try {
        return s.engine().containers().runAttached(c, (stream, bytes) -> {
          if (!RunClient.attached(args, stream)) {
            return;
          }
          var target = stream == 1 ? s.out() : s.err();
          target.write(bytes, 0, bytes.length);
          target.flush();
        }).exitCode();
      } finally {
        s.foreground().finished();
      }
    } catch (RuntimeFailure e) {
      s.err().println("docker: " + Errors.daemon(e, s) + ".");
      s.err().println("See 'docker " + cmd + " --help'.");
      return e.exitCode();
    } catch (EngineException e) {
      s.err().println("docker: " + Errors.daemon(e, s) + (e.getMessage().endsWith(".") ? "" : "."));
      s.err().println("See 'docker " + cmd + " --help'.");
      HubNotes.afterPullDenied(imageText, e, s);
      return Errors.RUN_FAILED;
    }
  }

  static Command ps() {
    List<Option> opts = List.of(
        Option.bool("all", 'a', "opt.ps.all"),
        Option.bool("quiet", 'q', "opt.ps.quiet"),
        Option.bool("no-trunc", '\0', "opt.ps.no-trunc"),
        Option.value("last", 'n', "int", "opt.ps.last"),
        Option.bool("latest", 'l', "opt.ps.latest"),
        Option.bool("size", 's', "opt.ps.size"),
        Option.value("filter", 'f', "filter", "opt.ps.filter"),
        Option.value("format", '\0', "string", "opt.ps.format"));
    return new SimpleCommand("ps", "ps [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      int last = args.has("latest") ? 1 : args.intValue("last", -1);
      boolean all = args.has("all") || last > 0 || args.values("filter").stream().anyMatch(f -> f.startsWith("status=")
          || f.startsWith("exited="));
      Predicate<Container> filter;
      filter = ContainerFilter.parse(args.values("filter"), s.engine());
      List<Container> list = s.engine().containers().list(all).stream().filter(filter).toList();
      if (last > 0) {
        list = list.subList(0, Math.min(last, list.size()));
      }
      boolean noTrunc = args.has("no-trunc");
      if (args.has("quiet")) {
        list.forEach(c -> s.out().println(noTrunc ? c.id() : c.shortId()));
        return 0;
      }
      Instant now = Instant.now();
      String format = args.value("format", null);
      boolean size = args.has("size") || (format != null && format.contains(".Size"));
      if (format == null || format.equals("table")) {
        if (!size) {
          ContainerRows.render(list, noTrunc, now).forEach(s.out()::println);
          return 0;
        }
        format = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
            + "\t{{.Size}}";
      }
      try {
        boolean table = format.startsWith("table ");
        GoTemplate t = GoTemplate.parse(table ? format.substring(6) : format);
        List<List<String>> rows = new ArrayList<>();
        for (Container c : list) {
          String sz = size ? Human.size(s.engine().containers().size(c.id())) + " (virtual "
              + Human.size(s.engine().containers().size(c.id()) + imageSize(s, c)) + ")" : null;
          String line = t.execute(ContainerRows.fields(c, noTrunc, now, sz));
          rows.add(List.of(line.split("\t", -1)));
        }
        if (!table) {
          rows.forEach(r -> s.out().println(String.join("\t", r)));
          return 0;
        }
        List<String> header = t.fields().stream().map(f -> ContainerRows.FIELD_HEADERS.getOrDefault(f, f.toUpperCase()))
            .toList();
        int cols = header.size();
        List<List<String>> padded = rows.stream().map(r -> padTo(r, cols)).toList();
        Table.render(header, padded).forEach(s.out()::println);
        return 0;
      } catch (GoTemplate.TemplateException e) {
        s.err().println(e.getMessage());
        return 1;
      }
    });
  }

  private static long imageSize(Session s, Container c) {
    try {
      var img = s.engine().images().find(c.imageId());
      return img == null ? 0 : img.size();
    } catch (EngineException e) {
      return 0;
    }
  }

  private static List<String> padTo(List<String> row, int cols) {
    List<String> r = new ArrayList<>(row);
    while (r.size() < cols) {
      r.add("");
    }
    return r.subList(0, cols);
  }

  static Command rm() {
    List<Option> opts = List.of(
        Option.bool("force", 'f', "opt.rm.force"),
        Option.bool("volumes", 'v', "opt.rm.volumes"),
        Option.bool("link", 'l', "opt.rm.link"));
    return new SimpleCommand("rm", "rm [OPTIONS] CONTAINER [CONTAINER...]", opts, true, (args, s) -> {
      return LifecycleCommands.forEach(args, s, (name, x) -> {
        x.engine().containers().remove(name, args.has("force"), args.has("volumes"));
        return name;
      });
    });
  }
}
