package dev.docklab.shell.command;

import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.render.Wrap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code docker} command: finds the subcommand, parses its flags, runs it, prints errors as Docker does. */
public final class DockerCli {
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Map<String, String> aliases = Map.ofEntries(
      Map.entry("container run", "run"), Map.entry("container create", "create"), Map.entry("container ls", "ps"),
      Map.entry("container list", "ps"), Map.entry("container ps", "ps"), Map.entry("container rm", "rm"),
      Map.entry("container start", "start"), Map.entry("container stop", "stop"),
      Map.entry("container restart", "restart"), Map.entry("container kill", "kill"),
      Map.entry("container pause", "pause"), Map.entry("container unpause", "unpause"),
      Map.entry("container wait", "wait"), Map.entry("container rename", "rename"),
      Map.entry("container attach", "attach"), Map.entry("container exec", "exec"),
      Map.entry("container logs", "logs"), Map.entry("container top", "top"),
      Map.entry("image ls", "images"), Map.entry("image list", "images"), Map.entry("image pull", "pull"), Map.entry("image push", "push"),
      Map.entry("image import", "import"), Map.entry("system info", "info"),
      Map.entry("container commit", "commit"), Map.entry("container diff", "diff"), Map.entry("image tag", "tag"),
      Map.entry("image rm", "rmi"), Map.entry("image remove", "rmi"), Map.entry("image history", "history"),
      Map.entry("container inspect", "inspect"), Map.entry("container cp", "cp"), Map.entry("image inspect", "inspect"),
      Map.entry("container update", "update"), Map.entry("container stats", "stats"));

  public DockerCli() {
    for (List<Command> group : List.of(ContainerCommands.all(), LifecycleCommands.all(), ProcessCommands.all(),
        ImageCommands.all(), RegistryCommands.all(), VolumeCommands.all(), NetworkCommands.all(),
        SystemCommands.all(), PruneCommands.all(), List.of(CopyCommand.command()), ResourceCommands.all())) {
      group.forEach(c -> commands.put(c.name(), c));
    }
  }

  /** The subcommands, in the order help lists them. */
  public List<Command> commands() {
    return new ArrayList<>(commands.values());
  }

  /** Docker's "Common Commands", in Docker's order. */
  private static final List<String> COMMON = List.of("run", "exec", "ps", "build", "images", "pull", "import",
      "version", "info");

  /** The commands grouped as {@code docker --help} groups them: message key of the heading, commands. */
  public Map<String, List<Command>> groups() {
    Map<String, List<Command>> g = new LinkedHashMap<>();
    g.put("docker.common", COMMON.stream().filter(commands::containsKey).map(commands::get).toList());
    g.put("docker.commands", commands.values().stream().filter(c -> !COMMON.contains(c.name()))
        .sorted(Comparator.comparing(Command::name)).toList());
    return g;
  }

  public Command command(String name) {
    return commands.get(name);
  }

  /** Runs {@code docker ARGV...}; returns the exit status. */
  public int execute(List<String> argv, Session s) {
    if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h") || argv.get(0).equals("help")) {
      if (argv.size() > 1 && commands.containsKey(argv.get(1))) {
        printHelp(commands.get(argv.get(1)), s);
        return 0;
      }
      printOverview(s);
      return 0;
    }
    if (argv.get(0).equals("--version") || argv.get(0).equals("-v")) {
      s.out().println(s.msg("docker.version-line", Engine.VERSION));
      return 0;
    }
    String name = argv.get(0);
    List<String> rest = argv.subList(1, argv.size());
    if (argv.size() > 1 && aliases.containsKey(name + " " + argv.get(1))) {
      name = aliases.get(name + " " + argv.get(1));
      rest = argv.subList(2, argv.size());
    } else if (argv.size() > 1 && commands.containsKey(name + " " + argv.get(1))) {
      name = name + " " + argv.get(1); // a management command: "image prune"
      rest = argv.subList(2, argv.size());
    }
    Command c = commands.get(name);
    if (c == null && !name.contains(" ") && printGroup(name, rest, s)) {
      return rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") ? 0 : 1;
    }
    if (c == null) {
      s.err().println("docker: '" + name + "' is not a docker command.");
      s.err().println("See 'docker --help'");
      return 1;
    }
    try {
      Args args = FlagParser.parse("docker " + c.name(), c.options(), c.interspersed(), rest);
      if (args.has("help")) {
        printHelp(c, s);
        return 0;
      }
      return c.execute(args, s);
    } catch (UsageException e) {
      s.err().println((e.getMessage().startsWith("\"") ? "docker: " : "") + e.getMessage());
      s.err().println("See '" + e.command() + " --help'.");
      return c.name().equals("run") ? Errors.RUN_FAILED : 1;
    } catch (EngineException e) {
      s.err().println(Errors.daemon(e, s));
      return 1;
    }
  }

  /**
   * {@code docker network} (or {@code docker image --help}): a management command's subcommands, as
   * Docker lists them; an unknown subcommand is named. False when {@code group} is no such command.
   */
  private boolean printGroup(String group, List<String> rest, Session s) {
    TreeMap<String, String> subs = new TreeMap<>();
    for (Command c : commands.values()) {
      if (c.name().startsWith(group + " ")) {
        subs.put(c.name().substring(group.length() + 1), s.msg("cmd." + c.name() + ".summary"));
      }
    }
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      if (a.getKey().startsWith(group + " ") && commands.containsKey(a.getValue())) {
        subs.putIfAbsent(a.getKey().substring(group.length() + 1), s.msg("cmd." + a.getValue() + ".summary"));
      }
    }
    if (subs.isEmpty()) {
      return false;
    }
    PrintStream o = rest.isEmpty() || rest.get(0).startsWith("-") ? s.out() : s.err();
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      o.println("docker: '" + group + " " + rest.get(0) + "' is not a docker command.");
    }
    o.println();
    o.println("Usage:  docker " + group + " COMMAND");
    o.println();
    o.println("Commands:");
    int w = subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    subs.forEach((sub, summary) -> Wrap.row("  " + sub, w + 2, summary, s.width()).forEach(o::println));
    o.println();
    o.println("Run 'docker " + group + " COMMAND --help' for more information on a command.");
    return true;
  }

  /** {@code docker CMD --help}: usage, the summary in the learner's language, the flags. */
  public void printHelp(Command c, Session s) {
    var o = s.out();
    o.println();
    o.println("Usage:  docker " + c.usage());
    o.println();
    int width = s.width();
    Wrap.block(s.msg("cmd." + c.name() + ".summary"), width).forEach(o::println);
    if (s.messages().has("cmd." + c.name() + ".about")) {
      o.println();
      Wrap.block(s.msg("cmd." + c.name() + ".about"), width).forEach(o::println);
    }
    if (!c.options().isEmpty()) {
      o.println();
      o.println("Options:");
      List<String[]> rows = new ArrayList<>();
      for (Option opt : c.options()) {
        String left = (opt.shorthand() != '\0' ? "  -" + opt.shorthand() + ", " : "      ") + "--" + opt.name()
            + (opt.takesValue() ? " " + opt.valueName() : "");
        rows.add(new String[] {left, s.msg(opt.helpKey())});
      }
      int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
      rows.forEach(r -> Wrap.row(r[0], w + 3, r[1], width).forEach(o::println));
    }
  }

  private void printOverview(Session s) {
    var o = s.out();
    o.println();
    o.println("Usage:  docker COMMAND");
    o.println();
    o.println(s.msg("docker.summary"));
    o.println();
    int w = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, List<Command>> group : groups().entrySet()) {
      o.println(s.msg(group.getKey()));
      for (Command c : group.getValue()) {
        Wrap.row("  " + c.name(), w + 5, s.msg("cmd." + c.name() + ".summary"), s.width()).forEach(o::println);
      }
      o.println();
    }
    o.println(s.msg("docker.more"));
  }
}
