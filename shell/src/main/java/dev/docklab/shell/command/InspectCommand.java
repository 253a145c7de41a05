package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.render.DockerJson;
import dev.docklab.shell.render.GoTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker inspect [-f TEMPLATE] [--type container|image] NAME...}. */
final class InspectCommand {
  private InspectCommand() {}

  static Command inspect() {
    List<Option> opts = List.of(Option.value("format", 'f', "string", "opt.inspect.format"),
        Option.value("type", '\0', "string", "opt.inspect.type"), Option.bool("size", 's', "opt.inspect.size"));
    return new SimpleCommand("inspect", "inspect [OPTIONS] NAME|ID [NAME|ID...]", opts, true, (args, s) -> {
      args.requireAtLeast(1);
      String type = args.value("type", null);
      if (type != null && !type.equals("container") && !type.equals("image")) {
        s.err().println("\"" + type + "\" is not a valid value for --type");
        return 1;
      }
      GoTemplate template;
      try {
        template = args.value("format", null) == null ? null : GoTemplate.parse(args.value("format", null));
      } catch (GoTemplate.TemplateException e) {
        s.err().println(e.getMessage());
        return 1;
      }
      List<Map<String, Object>> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String name : args.positionals()) {
        try {
          Map<String, Object> obj = s.engine().system().inspect(name, type);
          if (args.has("size") && obj.containsKey("State")) {
            // -s: the container layer's bytes, and those plus its image's (Docker's SizeRw, SizeRootFs)
            Map<String, Object> sized = new LinkedHashMap<>(obj);
            long rw = s.engine().containers().size(name);
            var image = s.engine().images().find(String.valueOf(obj.get("Image")));
            sized.put("SizeRw", rw);
            sized.put("SizeRootFs", rw + (image == null ? 0 : image.size()));
            obj = sized;
          }
          found.add(obj);
        } catch (EngineException e) {
          missing.add(e.getMessage());
        }
      }
      try {
        if (template == null) {
          s.out().println(DockerJson.write(found));
        } else {
          for (Map<String, Object> obj : found) {
            s.out().println(template.execute(obj));
          }
        }
      } catch (GoTemplate.TemplateException e) {
        s.err().println(e.getMessage());
        return 1;
      }
      missing.forEach(m -> s.err().println("Error: " + m));
      return missing.isEmpty() ? 0 : 1;
    });
  }
}
