package dev.docklab.shell.command;

import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.util.List;
import java.util.function.ToIntBiFunction;

/** A command made of its parts, for the groups that declare many small commands. */
record SimpleCommand(String name, String usage, List<Option> options, boolean interspersed,
    ToIntBiFunction<Args, Session> body) implements Command {

  /** Runs the body; an engine error it does not handle itself is printed as Docker prints a daemon's. */
  @Override
  public int execute(Args args, Session session) {
    try {
      return body.applyAsInt(args, session);
    } catch (dev.docklab.engine.EngineException e) {
      session.err().println(Errors.daemon(e));
      return 1;
    }
  }
}
