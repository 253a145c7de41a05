package dev.docklab.engine.api;

import dev.docklab.engine.api.EngineException;
import java.util.List;
import java.util.Locale;

/** Signal names as {@code docker kill -s} takes them: {@code KILL}, {@code SIGKILL}, {@code 9}. */
public final class Signals {
  /** Linux signal names, by number (index 0 unused). */
  public static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
      "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
      "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  private Signals() {}

  /** The signal's name without "SIG"; an unknown one is refused in Docker's words. */
  public static String normalize(String signal) {
    String s = signal.toUpperCase(Locale.ROOT);
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    if (s.matches("\\d+")) {
      int n = Integer.parseInt(s);
      if (n > 0 && n < NAMES.size()) {
        return NAMES.get(n);
      }
    } else if (NAMES.contains(s) && !s.isEmpty()) {
      return s;
    }
    throw EngineException.invalid("invalid signal: " + signal);
  }
}
