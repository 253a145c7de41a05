package dev.docklab.shell.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The result of parsing a command's arguments: flag values and positional arguments. */
public final class Args {
  private final String command;
  private final Map<String, List<String>> values = new HashMap<>();
  private final List<String> positionals = new ArrayList<>();

  Args(String command) {
    this.command = command;
  }

  /** The command these arguments are for: {@code docker run}. */
  public String command() {
    return command;
  }

  void add(String name, String value) {
    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  void positional(String value) {
    positionals.add(value);
  }

  /** True when a boolean flag was given (and not as {@code =false}). */
  public boolean has(String name) {
    List<String> v = values.get(name);
    return v != null && !v.get(v.size() - 1).equals("false");
  }

  /** The last value of a flag, or {@code fallback}. */
  public String value(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  /** Every value of a repeatable flag, in order. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** An integer flag, checked as pflag checks it. */
  public int intValue(String name, int fallback) {
    String v = value(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(command, "invalid argument \"" + v + "\" for \"--" + name
          + "\" flag: strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
  }

  public List<String> positionals() {
    return positionals;
  }

  /** Checks the count of positional arguments, with Docker's message. */
  public Args requireAtLeast(int n) {
    if (positionals.size() < n) {
      throw new UsageException(command, "\"" + command + "\" requires at least " + n + " argument"
          + (n == 1 ? "" : "s") + ".");
    }
    return this;
  }

  public Args requireAtMost(int n) {
    if (positionals.size() > n) {
      throw new UsageException(command, "\"" + command + "\" accepts at most " + n + " argument"
          + (n == 1 ? "" : "s") + ".");
    }
    return this;
  }

  public Args requireExactly(int n) {
    if (positionals.size() != n) {
      throw new UsageException(command, "\"" + command + "\" requires exactly " + n + " argument"
          + (n == 1 ? "" : "s") + ".");
    }
    return this;
  }
}
