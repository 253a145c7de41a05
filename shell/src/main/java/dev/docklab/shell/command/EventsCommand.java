package dev.docklab.shell.command;

import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker events [--since] [--until] [--filter] [--format]}: the engine's events as Docker's
 * {@code /events} serves them, read by the docker CLI from the socket the REPL serves, until Ctrl-C (or
 * {@code --until}).
 */
final class EventsCommand {
  /** The docker CLI that reads the stream: Docker's own, so the lines and the flags are Docker's. */
  static final Path DOCKER_CLI = Path.of("/usr/local/bin/docker");

  private EventsCommand() {}

  static Command events() {
    List<Option> opts = List.of(Option.value("filter", 'f', "filter", "opt.events.filter"),
        Option.value("format", '\0', "string", "opt.events.format"),
        Option.value("since", '\0', "string", "opt.events.since"),
        Option.value("until", '\0', "string", "opt.events.until"));
    return new SimpleCommand("events", "events [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      if (!Files.isExecutable(DOCKER_CLI)) {
        s.err().println(s.msg("events.no-cli", DOCKER_CLI));
        return 1;
      }
      String host = s.state().dockerHost();
      if (host == null) {
        s.err().println(s.msg("events.not-served"));
        return 1;
      }
      return s.interaction().runOnTerminal(command(args), s.workspace(), Map.of("DOCKER_HOST", host));
    });
  }

  /** The docker CLI's command line for the options given. */
  static List<String> command(Args args) {
    List<String> cmd = new ArrayList<>(List.of(DOCKER_CLI.toString(), "events"));
    for (String name : List.of("since", "until", "format")) {
      if (args.value(name, null) != null) {
        cmd.add("--" + name);
        cmd.add(args.value(name, null));
      }
    }
    for (String f : args.values("filter")) {
      cmd.add("--filter");
      cmd.add(f);
    }
    return cmd;
  }
}
