package dev.docklab.shell.builtin;

import dev.docklab.shell.command.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * One of docklab's own words ({@code help}, {@code lang}, {@code cd}...): its name, the other names
 * that call it, the message key of its entry in {@code help} (null when help describes it elsewhere),
 * and what it does.
 */
public record Builtin(String name, List<String> aliases, String usageKey, Body body) {

  /** What a builtin does with its arguments (already expanded); returns the exit status. */
  @FunctionalInterface
  public interface Body {
    int run(List<String> args, Session session);
  }

  public Builtin {
    aliases = List.copyOf(aliases);
  }

  /** Every word that calls it: its name, then its aliases. */
  public List<String> words() {
    List<String> words = new ArrayList<>(List.of(name));
    words.addAll(aliases);
    return words;
  }

  /** Runs it with {@code args} and returns the exit status. */
  public int run(List<String> args, Session session) {
    return body.run(args, session);
  }
}
