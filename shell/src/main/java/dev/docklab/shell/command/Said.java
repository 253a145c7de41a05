package dev.docklab.shell.command;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.i18n.Messages;

/** An engine failure in the learner's language: docklab's own wording from the messages, Docker's as the engine gave it. */
public final class Said {
  private Said() {}

  /** What {@code e} says, in {@code m}'s language when the words are docklab's own. */
  public static String of(EngineException e, Messages m) {
    if (e.said() == null || !m.has(e.said().key())) {
      return e.getMessage();
    }
    return m.get(e.said().key(), e.args().toArray());
  }
}
