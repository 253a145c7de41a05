package dev.docklab.shell.command;

import dev.docklab.engine.api.DiskUsage;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.Info;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.DiskUsageRows;
import dev.docklab.shell.render.Human;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code info}, {@code version}, {@code system df}: the engine, the host and the space used. */
public final class SystemCommands {
  private SystemCommands() {}

  public static List<Command> all() {
    return List.of(EventsCommand.events(), info(), version(), df());
  }

  static Command df() {
    List<Option> opts = List.of(Option.bool("verbose", 'v', "opt.df.verbose"));
    return new SimpleCommand("system df", "system df [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      DiskUsage usage = s.engine().system().df();
      List<String> lines = args.has("verbose") ? DiskUsageRows.verbose(usage, Instant.now())
          : DiskUsageRows.summary(usage);
      lines.forEach(s.out()::println);
      return 0;
    });
  }

  static Command info() {
    return new SimpleCommand("info", "info [OPTIONS]", List.of(), true, (args, s) -> {
      args.requireAtMost(0);
      Info i = s.engine().system().info();
      var o = s.out();
      o.println("Client:");
      o.println(" Version:    " + Engine.VERSION + " (docklab)");
      o.println(" Context:    embedded");
      o.println();
      o.println("Server:");
      o.println(" Containers: " + i.containers());
      o.println("  Running: " + i.running());
      o.println("  Paused: " + i.paused());
      o.println("  Stopped: " + i.stopped());
      o.println(" Images: " + i.images());
      o.println(" Server Version: " + i.version() + " (docklab)");
      o.println(" Storage Driver: " + i.storageDriver());
      o.println("  Backing Filesystem: " + i.backingFilesystem());
      o.println(" Cgroup Driver: " + i.cgroupDriver());
      o.println(" Cgroup Version: " + i.cgroupVersion() + (i.hybridCgroups() ? " (hybrid: v1 controllers + a cgroup2 mount)" : ""));
      o.println(" Runtimes: " + i.runtime());
      o.println(" Default Runtime: " + i.runtime() + "  (" + i.runtimeReason() + ")");
      securityOptions(i.securityOptions()).forEach(o::println);
      o.println(" Kernel Version: " + i.kernel());
      o.println(" Operating System: " + i.operatingSystem());
      o.println(" OSType: linux");
      o.println(" Architecture: " + (i.architecture().equals("amd64") ? "x86_64" : i.architecture()));
      o.println(" CPUs: " + i.cpus());
      o.println(" Total Memory: " + Human.binarySize(i.memoryBytes()));
      o.println(" Docker Root Dir: " + i.dataRoot());
      var registries = s.engine().registries().settings();
      o.println(" Registry: https://index.docker.io/v1/");
      o.println(" Insecure Registries:");
      registries.insecure().forEach(r -> o.println("  " + r));
      o.println("  127.0.0.0/8");
      o.println(" Registry Mirrors:");
      registries.mirrors().forEach(r -> o.println("  " + (r.endsWith("/") ? r : r + "/")));
      o.println(" docklab hub: " + registries.hub() + " (started on demand; docklab registry serves it alone)");
      return 0;
    });
  }

  /** Docker's way of printing {@code name=seccomp,profile=PATH} and the like: the name, then its profile. */
  static List<String> securityOptions(List<String> options) {
    if (options.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(List.of(" Security Options:"));
    for (String option : options) {
      for (String kv : option.split(",")) {
        int eq = kv.indexOf('=');
        String key = eq < 0 ? kv : kv.substring(0, eq);
        String value = eq < 0 ? "" : kv.substring(eq + 1);
        if (key.equals("name")) {
          out.add("  " + value);
        } else if (key.equals("profile")) {
          out.add("   Profile: " + value);
        }
      }
    }
    return out;
  }

  static Command version() {
    return new SimpleCommand("version", "version", List.of(), true, (args, s) -> {
      var o = s.out();
      o.println("Client: docklab");
      o.println(" Version:           " + Engine.VERSION);
      o.println(" API version:       embedded (no socket: the engine runs inside the REPL)");
      o.println(" Java version:      " + System.getProperty("java.version"));
      o.println(" OS/Arch:           linux/" + System.getProperty("os.arch"));
      o.println();
      o.println("Server: docklab engine");
      o.println(" Engine:");
      o.println("  Version:          " + Engine.VERSION);
      o.println(" " + s.engine().system().info().runtime() + ":");
      o.println("  Runtime:          " + s.engine().system().info().runtime());
      return 0;
    });
  }
}
