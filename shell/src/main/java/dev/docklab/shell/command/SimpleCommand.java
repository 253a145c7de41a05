package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.Option;
import java.io.IOException;
import java.util.List;

/** A command made of its parts, for the groups that declare many small commands. */
record SimpleCommand(String name, String usage, List<Option> options, boolean interspersed, Body body)
    implements Command {

  /** A command's work: its exit status; the errors it does not handle itself are reported by {@link #execute}. */
  @FunctionalInterface
  interface Body {
    int run(Args args, Session session) throws IOException, InterruptedException;
  }

  /**
   * Runs the body; an engine or I/O error it does not handle itself is printed as Docker prints a
   * daemon's (status 1), an interrupt ends it with 130, as a shell does.
   */
  @Override
  public int execute(Args args, Session session) {
    try {
      return body.run(args, session);
    } catch (EngineException e) {
      session.err().println(Errors.daemon(e, session));
      return 1;
    } catch (IOException e) {
      session.err().println(Errors.daemon(EngineException.system(e.getMessage(), e), session));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
