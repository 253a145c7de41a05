package dev.docklab.shell.line;

/** The line ends inside a quote, a {@code $(}, after a {@code \} or an operator: more input is needed. */
public final class IncompleteLineException extends RuntimeException {
  public IncompleteLineException(String what) {
    super(what);
  }
}
