package dev.docklab.shell.builtin;

import dev.docklab.shell.command.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * One of docklab's own words ({@code help}, {@code lang}, {@code cd}...): its name, the other names
 * that call it, the message key of its entry in {@code help} (null when help describes it elsewhere),
 * whether it {@code pipes}, and what it does.
 *
 * @param pipes whether docklab runs it when its line pipes or redirects its output (to the host's
 *     shell: {@code explain layers web | less}); otherwise such a line goes to the host's shell,
 *     which has its own {@code echo}, {@code cd} and {@code pwd}
 */
public record Builtin(String name, List<String> aliases, String usageKey, boolean pipes, Body body) {

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
