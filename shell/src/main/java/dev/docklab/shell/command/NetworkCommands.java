package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.DockerJson;
import dev.docklab.shell.render.GoTemplate;
import dev.docklab.shell.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker port} and {@code docker network ls|inspect}. */
public final class NetworkCommands {
  private NetworkCommands() {}

  public static List<Command> all() {
    return List.of(port(), create(), ls(), inspect(), rm(), connect(), disconnect());
  }

  /** {@code docker port CONTAINER [PRIVATE_PORT[/PROTO]]}: {@code 80/tcp -> 0.0.0.0:8080}. */
  static Command port() {
    return new SimpleCommand("port", "port CONTAINER [PRIVATE_PORT[/PROTO]]", List.of(), false, (args, s) -> {
      args.requireAtLeast(1);
      args.requireAtMost(2);
      Container c;
      c = s.engine().containers().inspect(args.positionals().get(0));
      List<PortMapping> ports = c.state().running() && c.network() != null ? new ArrayList<>(c.network().ports())
          : new ArrayList<>();
      ports.sort(Comparator.comparingInt(PortMapping::containerPort).thenComparing(PortMapping::proto));
      if (args.positionals().size() == 2) {
        String want = args.positionals().get(1);
        String key = want.contains("/") ? want : want + "/tcp";
        List<PortMapping> match = ports.stream().filter(p -> p.port().equals(key)).toList();
        if (match.isEmpty()) {
          s.err().println("Error: No public port '" + key + "' published for " + args.positionals().get(0));
          return 1;
        }
        match.forEach(p -> s.out().println(p.shownHostIp() + ":" + p.hostPort()));
        return 0;
      }
      ports.forEach(p -> s.out().println(p.port() + " -> " + p.shownHostIp() + ":" + p.hostPort()));
      return 0;
    });
  }

  static Command create() {
    List<Option> opts = List.of(Option.value("driver", 'd', "string", "opt.network.driver"),
        Option.value("subnet", '\0', "strings", "opt.network.subnet"));
    return new SimpleCommand("network create", "network create [OPTIONS] NETWORK", opts, true, (args, s) -> {
      args.requireExactly(1);
      String driver = args.value("driver", "bridge");
      if (!driver.equals("bridge")) {
        s.err().println("Error response from daemon: docklab makes bridge networks only (--driver " + driver + ")");
        return 1;
      }
      s.out().println(s.engine().networks().create(args.positionals().get(0), args.value("subnet", null)));
      return 0;
    });
  }

  /** {@code docker network connect [--alias A] NETWORK CONTAINER}. */
  static Command connect() {
    List<Option> opts = List.of(Option.value("alias", '\0', "strings", "opt.network.alias"));
    return new SimpleCommand("network connect", "network connect [OPTIONS] NETWORK CONTAINER", opts, true,
        (args, s) -> {
          args.requireExactly(2);
          s.engine().networks().connect(args.positionals().get(0), args.positionals().get(1), args.values("alias"));
          return 0;
        });
  }

  /** {@code docker network disconnect NETWORK CONTAINER}. */
  static Command disconnect() {
    List<Option> opts = List.of(Option.bool("force", 'f', "opt.network.disconnect.force"));
    return new SimpleCommand("network disconnect", "network disconnect [OPTIONS] NETWORK CONTAINER", opts, true,
        (args, s) -> {
          args.requireExactly(2);
          s.engine().networks().disconnect(args.positionals().get(0), args.positionals().get(1));
          return 0;
        });
  }

  static Command rm() {
    return new SimpleCommand("network rm", "network rm NETWORK [NETWORK...]", List.of(), true, (args, s) -> {
      args.requireAtLeast(1);
      int status = 0;
      for (String n : args.positionals()) {
        try {
          s.out().println(s.engine().networks().remove(n));
        } catch (EngineException e) {
          s.err().println(Errors.daemon(e, s));
          status = 1;
        }
      }
      return status;
    });
  }

  static Command ls() {
    List<Option> opts = List.of(Option.bool("quiet", 'q', "opt.network.quiet"),
        Option.bool("no-trunc", '\0', "opt.network.no-trunc"));
    return new SimpleCommand("network ls", "network ls [OPTIONS]", opts, true, (args, s) -> {
      List<List<String>> rows = new ArrayList<>();
      for (String name : s.engine().networks().list()) {
        Map<String, Object> n = s.engine().networks().inspect(name);
        String id = (String) n.get("Id");
        String shown = args.has("no-trunc") ? id : id.substring(0, 12);
        if (args.has("quiet")) {
          s.out().println(shown);
        } else {
          rows.add(List.of(shown, name, (String) n.get("Driver"), "local"));
        }
      }
      if (!args.has("quiet")) {
        Table.render(List.of("NETWORK ID", "NAME", "DRIVER", "SCOPE"), rows).forEach(s.out()::println);
      }
      return 0;
    });
  }

  static Command inspect() {
    List<Option> opts = List.of(Option.value("format", 'f', "string", "opt.inspect.format"));
    return new SimpleCommand("network inspect", "network inspect [OPTIONS] NETWORK [NETWORK...]", opts, true,
        (args, s) -> {
          args.requireAtLeast(1);
          List<Map<String, Object>> found = new ArrayList<>();
          int status = 0;
          for (String name : args.positionals()) {
            try {
              found.add(s.engine().networks().inspect(name));
            } catch (EngineException e) {
              s.err().println("Error response from daemon: " + e.getMessage());
              status = 1;
            }
          }
          String format = args.value("format", null);
          try {
            if (format == null) {
              s.out().println(DockerJson.write(found));
            } else {
              GoTemplate t = GoTemplate.parse(format);
              for (Map<String, Object> n : found) {
                s.out().println(t.execute(n));
              }
            }
          } catch (GoTemplate.TemplateException e) {
            s.err().println(e.getMessage());
            return 1;
          }
          return status;
        });
  }
}
