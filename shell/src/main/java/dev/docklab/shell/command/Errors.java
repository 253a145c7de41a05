package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;

/** Docker's exit statuses and its way of printing a daemon error. */
final class Errors {
  /** {@code docker run} could not create or start the container. */
  static final int RUN_FAILED = 125;

  private Errors() {}

  static String daemon(EngineException e, Session s) {
    return "Error response from daemon: " + Said.of(e, s.messages());
  }
}
