package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.DockerJson;
import dev.docklab.shell.render.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker volume create|ls|inspect|rm|prune}. */
public final class VolumeCommands {
  private VolumeCommands() {}

  public static List<Command> all() {
    return List.of(create(), ls(), inspect(), rm());
  }

  static Command create() {
    return new SimpleCommand("volume create", "volume create [OPTIONS] [VOLUME]", List.of(), true, (args, s) -> {
      args.requireAtMost(1);
      s.out().println(s.engine().volumes().create(args.positionals().isEmpty() ? null : args.positionals().get(0)).name());
      return 0;
    });
  }

  static Command ls() {
    List<Option> opts = List.of(Option.bool("quiet", 'q', "opt.volume.quiet"));
    return new SimpleCommand("volume ls", "volume ls [OPTIONS]", opts, true, (args, s) -> {
      var vols = s.engine().volumes().list();
      if (args.has("quiet")) {
        vols.forEach(v -> s.out().println(v.name()));
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      vols.forEach(v -> rows.add(List.of("local", v.name())));
      Table.render(List.of("DRIVER", "VOLUME NAME"), rows).forEach(s.out()::println);
      return 0;
    });
  }

  static Command inspect() {
    return new SimpleCommand("volume inspect", "volume inspect VOLUME [VOLUME...]", List.of(), true, (args, s) -> {
      args.requireAtLeast(1);
      List<Map<String, Object>> found = new ArrayList<>();
      int status = 0;
      for (String name : args.positionals()) {
        var v = s.engine().volumes().list().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (v == null) {
          s.err().println("Error response from daemon: get " + name + ": no such volume");
          status = 1;
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CreatedAt", v.createdAt());
        m.put("Driver", "local");
        m.put("Labels", null);
        m.put("Mountpoint", v.data().toString());
        m.put("Name", v.name());
        m.put("Options", null);
        m.put("Scope", "local");
        found.add(m);
      }
      s.out().println(DockerJson.write(found));
      return status;
    });
  }

  static Command rm() {
    List<Option> opts = List.of(Option.bool("force", 'f', "opt.volume.force"));
    return new SimpleCommand("volume rm", "volume rm [OPTIONS] VOLUME [VOLUME...]", opts, true,
        (args, s) -> LifecycleCommands.forEach(args, s, (name, x) -> {
          x.engine().volumes().remove(name, args.has("force"));
          return name;
        }));
  }

}
