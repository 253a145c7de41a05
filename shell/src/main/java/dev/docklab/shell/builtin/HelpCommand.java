package dev.docklab.shell.builtin;

import dev.docklab.shell.command.Command;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.render.Wrap;
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
    int width = s.width();
    print(o, s.msg("help.intro"), width);
    o.println();
    int w = docker.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0) + 7;
    for (var group : docker.groups().entrySet()) {
      o.println(s.msg(group.getKey()));
      for (Command c : group.getValue()) {
        String left = "docker " + c.name();
        Wrap.row("  " + left, w + 4, s.msg("cmd." + c.name() + ".summary"), width).forEach(o::println);
      }
      o.println();
    }
    ExplainCommand.summary(s.messages(), width).forEach(o::println);
    print(o, s.msg("help.also", builtins.all().stream().filter(b -> b.usageKey() != null)
        .map(b -> s.msg(b.usageKey())).collect(Collectors.joining("   "))), width);
    print(o, s.msg("help.lines"), width);
    print(o, s.msg("help.host", s.workspace()), width);
    o.println();
    print(o, s.msg("help.more"), width);
    return 0;
  }

  /** {@code text} wrapped at word boundaries to the terminal's width. */
  private static void print(PrintStream o, String text, int width) {
    Wrap.block(text, width).forEach(o::println);
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
      print(s.out(), s.msg("help.topic." + name), s.width());
      return 0;
    }
    s.err().println("docklab: " + s.msg("help.unknown", name));
    return 1;
  }
}
