package dev.docklab.shell.cli;

/** A command typed wrongly: the message is Docker's, and the hint points at {@code --help}. */
public final class UsageException extends RuntimeException {
  private final String command;

  public UsageException(String command, String message) {
    super(message);
    this.command = command;
  }

  /** The command path for the hint: {@code docker run}. */
  public String command() {
    return command;
  }
}
