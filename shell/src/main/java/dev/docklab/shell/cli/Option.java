package dev.docklab.shell.cli;

/**
 * One flag of a docker command, as pflag declares them.
 *
 * @param name the long name, without dashes ({@code name} for {@code --name})
 * @param shorthand the one-letter form, or 0
 * @param valueName null for a boolean flag, else what the value is ({@code string}, {@code bytes}, {@code int})
 * @param helpKey the message key of its description
 */
public record Option(String name, char shorthand, String valueName, String helpKey) {
  public static Option bool(String name, char shorthand, String helpKey) {
    return new Option(name, shorthand, null, helpKey);
  }

  public static Option value(String name, char shorthand, String valueName, String helpKey) {
    return new Option(name, shorthand, valueName, helpKey);
  }

  public boolean takesValue() {
    return valueName != null;
  }
}
