package dev.docklab.shell.command;

import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;

/** One docker subcommand: its name, its grammar and what it does. */
public interface Command {
  /** The subcommand, e.g. {@code run}. */
  String name();

  /** The usage line after {@code docker }, e.g. {@code run [OPTIONS] IMAGE [COMMAND] [ARG...]}. */
  String usage();

  /** The flags it takes. */
  List<Option> options();

  /** Whether flags may follow positional arguments ({@code run} stops at the image). */
  default boolean interspersed() {
    return true;
  }

  /** Runs it and returns the exit status. */
  int execute(Args args, Session session);
}
