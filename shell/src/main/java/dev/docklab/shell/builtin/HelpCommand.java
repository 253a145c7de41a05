package dev.docklab.shell.builtin;

import dev.docklab.shell.command.Command;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code help} (or {@code ?}): the docker commands as {@code docker --help} groups them, then
 * explain, the builtins from the one list, and how lines work; {@code help COMMAND} is
 * {@code docker COMMAND --help}.
 */
final class HelpCommand {
  private final DockerCli docker;
  private final Builtins builtins;

  HelpCommand(DockerCli docker, Builtins builtins) {
    this.docker = docker;
    this.builtins = builtins;
  }

  int run(List<String> args, Session s) {
    if (!args.isEmpty()) {
      return topic(args, s);
    }
    PrintStream o = s.out();
    o.println(s.msg("help.intro"));
    o.println();
    int w = docker.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0) + 7;
    for (var group : docker.groups().entrySet()) {
      o.println(s.msg(group.getKey()));
      for (Command c : group.getValue()) {
        String left = "docker " + c.name();
        o.println("  " + left + " ".repeat(w - left.length() + 2) + s.msg("cmd." + c.name() + ".summary"));
      }
      o.println();
    }
    ExplainCommand.summary(s.messages(), s.width()).forEach(o::println);
    o.println(s.msg("help.also", builtins.all().stream().filter(b -> b.usageKey() != null)
        .map(b -> s.msg(b.usageKey())).collect(Collectors.joining("   "))));
    o.println(s.msg("help.lines"));
    o.println(s.msg("help.host", s.workspace()));
    o.println();
    o.println(s.msg("help.more"));
    return 0;
  }

  /** {@code help COMMAND} or {@code help docker COMMAND}: the command's usage and flags. */
  private int topic(List<String> args, Session s) {
    String name = args.get(0).equals("docker") && args.size() > 1 ? args.get(1) : args.get(0);
    Command c = docker.command(name);
    if (c != null) {
      docker.printHelp(c, s);
      return 0;
    }
    if (name.equals("explain")) {
      ExplainCommand.help(s.messages(), s.width()).forEach(s.out()::println);
      return 0;
    }
    if (s.messages().has("help.topic." + name)) {
      s.out().println(s.msg("help.topic." + name));
      return 0;
    }
    s.err().println("docklab: " + s.msg("help.unknown", name));
    return 1;
  }
}
