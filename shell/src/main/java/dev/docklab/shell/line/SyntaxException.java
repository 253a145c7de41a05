package dev.docklab.shell.line;

/** A line that cannot be parsed, with a message that says where. */
public final class SyntaxException extends RuntimeException {
  public SyntaxException(String message) {
    super(message);
  }
}
