package dev.docklab.shell.command;

import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import dev.docklab.shell.io.Executables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker events [--since] [--until] [--filter] [--format]}: the engine's events as Docker's
 * {@code /events} serves them, read by the docker CLI from the socket the REPL serves, until Ctrl-C (or
 * {@code --until}).
 */
final class EventsCommand {
  /** The docker CLI that reads the stream: Docker's own, so the lines and the flags are Docker's. */

  private EventsCommand() {}

  static Command events() {
    List<Option> opts = List.of(Option.value("filter", 'f', "filter", "opt.events.filter"),
        Option.value("format", '\0', "string", "opt.events.format"),
        Option.value("since", '\0', "string", "opt.events.since"),
        Option.value("until", '\0', "string", "opt.events.until"));
    return new SimpleCommand("events", "events [OPTIONS]", opts, true, (args, s) -> {
      args.requireAtMost(0);
      Optional<Path> cli = Executables.dockerCli();
      if (cli.isEmpty()) {
        s.err().println(s.msg("events.no-cli"));
        return 1;
      }
      String host = s.state().dockerHost();
      if (host == null) {
        s.err().println(s.msg("events.not-served"));
        return 1;
      }
      return s.interaction().runOnTerminal(command(cli.get(), args), s.workspace(), Map.of("DOCKER_HOST", host));
    });
  }

  /** The command line of the docker CLI at {@code cli} for the options given. */
  static List<String> command(Path cli, Args args) {
    List<String> cmd = new ArrayList<>(List.of(cli.toString(), "events"));
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
