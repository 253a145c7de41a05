package dev.docklab.shell.interp;

import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.interp.Interpreter;
import dev.docklab.shell.line.Syntax;

/**
 * A learner's docklab shell: the {@code docker} command, the builtins around it, and the
 * {@link Interpreter} that runs lines with them in one {@link Session}. After each line (but an
 * {@code explain}), the trace starts anew for {@code explain last} and watched containers report
 * their copy-on-write; after every line, a running lesson checks its step's goal.
 */
public final class Shell {
  private final Session session;
  private final Builtins builtins = new Builtins(new DockerCli(), ExplainCommand::run);
  private final Interpreter interpreter = new Interpreter(builtins);

  public Shell(Session session) {
    this.session = session;
  }

  /** docklab's own words: what completion, highlighting and help read. */
  public Builtins builtins() {
    return builtins;
  }

  public boolean exitRequested() {
    return session.state().exitRequested();
  }

  public int lastStatus() {
    return session.state().lastStatus();
  }

  /** The line a command placed on the next input line (solution's next command), once; null when none. */
  public String takePlacedInput() {
    return session.state().takePlacedInput();
  }

  /** The lines are done (input ended, {@code exit}): what is still to be saved is saved now. */
  public void end() {
    builtins.end(session);
  }

  /** Runs one (complete) line and returns the status of the last command that ran. */
  public int execute(String text) {
    Syntax.Line line = interpreter.parse(text, session);
    boolean explain = line != null && "explain".equals(line.firstWord());
    if (!explain) {
      session.trace().newCommand(text.strip());
    } else {
      session.trace().explaining(text.strip());
    }
    int status = line == null ? session.state().lastStatus() : interpreter.run(line, session);
    if (!session.cowWatch().isEmpty() && !explain) {
      ExplainCommand.tick(session);
    }
    builtins.afterLine(text, session);
    return status;
  }
}
