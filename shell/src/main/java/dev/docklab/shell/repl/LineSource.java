package dev.docklab.shell.repl;

/**
 * Where lines come from: a terminal with line editing, or a script (a file, standard input, or
 * {@code -c}). Lessons, tests and the REPL share this one path.
 */
public interface LineSource extends AutoCloseable {
  /**
   * The next complete line (continuations joined), or null at the end of input. {@code placed}, when
   * not null, is already typed on a terminal's input line for the learner to edit or run; a script
   * has no input line and ignores it.
   */
  String readLine(String placed) throws Interrupted;

  @Override
  default void close() {}

  /** Ctrl-C while typing: the line is dropped. */
  final class Interrupted extends Exception {
    public Interrupted() {
      super("interrupted");
    }
  }
}
