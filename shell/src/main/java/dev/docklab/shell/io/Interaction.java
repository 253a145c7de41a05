package dev.docklab.shell.io;

import dev.docklab.engine.api.Attachment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;

/**
 * How a container meets the learner's keyboard and screen: through the real terminal in the REPL
 * (raw mode, detach keys, window size), or through plain streams when docklab runs a script.
 */
public interface Interaction {
  /** Asks a yes/no question (Docker's "[y/N]"); true only for y or yes. */
  boolean confirm(String question);

  /**
   * Asks for a line ({@code docker login}'s "Username: "); {@code secret} hides what is typed. Null
   * at end of input.
   */
  String prompt(String question, boolean secret) throws IOException;

  /** Whether a terminal is there ({@code docker run -it} needs one). */
  boolean isTerminal();

  /** The learner's terminal itself, for a loop of its own ({@code jshell}); empty without one. */
  default Optional<Terminal> terminal() {
    return Optional.empty();
  }

  /** Columns the learner's terminal has now (read each time: it may have been resized). */
  int width();

  /**
   * Connects the learner to a container's stdio until the container's output ends or the learner
   * detaches with Ctrl+P Ctrl+Q. Returns true when the learner detached.
   *
   * @param tty whether the container has a pseudo-terminal (raw mode, window size)
   * @param stdin whether the learner's input goes to the container
   */
  boolean attach(Attachment attachment, boolean tty, boolean stdin);

  /** Like {@link #attach(Attachment, boolean, boolean)}, detaching on {@code detachKeys} ({@code --detach-keys}). */
  default boolean attach(Attachment attachment, boolean tty, boolean stdin, byte[] detachKeys) {
    return attach(attachment, tty, stdin);
  }

  /**
   * Runs a host process with the learner's own terminal as its stdio when there is one ({@code docker
   * exec -it}, a host command typed at the prompt), or with its output into the streams otherwise.
   * Returns its exit status.
   */
  int runOnTerminal(List<String> command, Path cwd, Map<String, String> env);
}
