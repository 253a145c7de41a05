package dev.docklab.lessons.mistake;

import dev.docklab.lessons.model.Mistake;
import java.util.List;

/**
 * A mistake seen after a line.
 *
 * @param kind which mistake
 * @param what what it is about (a name, an image, a port), for {@code {what}} in a lesson's text
 * @param args the message's arguments, {@code what} first
 */
public record Found(Mistake kind, String what, List<String> args) {
  public Found {
    args = List.copyOf(args);
  }

  static Found of(Mistake kind, String... args) {
    return new Found(kind, args[0], List.of(args));
  }
}
