package dev.docklab.shell.cli;

import java.util.List;

/**
 * Parses arguments the way Docker's CLI (cobra and pflag) does: {@code --name web},
 * {@code --name=web}, {@code -m 512m}, {@code -m512m}, combined short flags {@code -it} and
 * {@code -aq}, {@code --} to end flags, and, for commands such as {@code run}, flags only before the
 * first positional argument (everything after the image is the container's command).
 */
public final class FlagParser {
  private FlagParser() {}

  /**
   * @param command the command path for messages ({@code docker run})
   * @param options the flags it knows ({@code --help} is always known)
   * @param interspersed whether flags may follow positional arguments
   */
  public static Args parse(String command, List<Option> options, boolean interspersed, List<String> argv) {
    Args args = new Args(command);
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        argv.subList(i + 1, argv.size()).forEach(args::positional);
        break;
      }
      if (a.startsWith("--") && a.length() > 2) {
        String body = a.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Option o = find(options, name);
        if (o == null) {
          throw new UsageException(command, "unknown flag: --" + name);
        }
        if (o.takesValue()) {
          if (eq >= 0) {
            args.add(name, body.substring(eq + 1));
          } else if (i + 1 < argv.size()) {
            args.add(name, argv.get(++i));
          } else {
            throw new UsageException(command, "flag needs an argument: --" + name);
          }
        } else {
          String v = eq < 0 ? "true" : body.substring(eq + 1);
          if (!v.equals("true") && !v.equals("false")) {
            throw new UsageException(command, "invalid argument \"" + v + "\" for \"--" + name
                + "\" flag: strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
          }
          args.add(name, v);
        }
      } else if (a.startsWith("-") && a.length() > 1) {
        i = shorthands(command, options, argv, i, args);
      } else {
        if (!interspersed) {
          argv.subList(i, argv.size()).forEach(args::positional);
          break;
        }
        args.positional(a);
      }
    }
    return args;
  }

  private static int shorthands(String command, List<Option> options, List<String> argv, int i, Args args) {
    String a = argv.get(i);
    for (int k = 1; k < a.length(); k++) {
      char c = a.charAt(k);
      Option o = findShort(options, c);
      if (o == null) {
        throw new UsageException(command, "unknown shorthand flag: '" + c + "' in " + a);
      }
      if (!o.takesValue()) {
        args.add(o.name(), "true");
        continue;
      }
      String rest = a.substring(k + 1);
      if (rest.startsWith("=")) {
        rest = rest.substring(1);
      }
      if (!rest.isEmpty()) {
        args.add(o.name(), rest);
      } else if (i + 1 < argv.size()) {
        args.add(o.name(), argv.get(++i));
      } else {
        throw new UsageException(command, "flag needs an argument: '" + c + "' in -" + c);
      }
      return i;
    }
    return i;
  }

  private static Option find(List<Option> options, String name) {
    if (name.equals("help")) {
      return Option.bool("help", '\0', "opt.help");
    }
    return options.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
  }

  private static Option findShort(List<Option> options, char c) {
    return options.stream().filter(o -> o.shorthand() == c).findFirst().orElse(null);
  }
}
