package dev.docklab.shell;

import dev.docklab.shell.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A teacher's class list for {@code docklab registry user add --from-file class.csv}: one
 * {@code name,password} a line (a {@code name,password} header, blank lines and {@code #} comments are
 * skipped), read whole before any account is made; each problem names its line, never a password.
 */
final class ClassFile {
  private static final Pattern USER = Pattern.compile("[a-z0-9]{2,30}");

  /** One account to make. */
  record Account(String name, String password) {
    @Override
    public String toString() {
      return name; // a password is never printed
    }
  }

  /** The accounts, or the problems (then nothing is to be made). */
  record Parsed(List<Account> accounts, List<String> problems) {}

  private ClassFile() {}

  static Parsed parse(List<String> lines, Messages m) {
    List<Account> accounts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || n == 1 && line.equalsIgnoreCase("name,password")) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        problems.add(m.get("registry.class.no-comma", n));
        continue;
      }
      String name = line.substring(0, comma).strip();
      String password = line.substring(comma + 1).strip();
      if (!USER.matcher(name).matches()) {
        problems.add(m.get("registry.class.bad-name", n, name));
      } else if (password.length() < 6) {
        problems.add(m.get("registry.class.short-password", n, name));
      } else if (seen.containsKey(name)) {
        problems.add(m.get("registry.class.twice", n, name, seen.get(name)));
      } else {
        seen.put(name, n);
        accounts.add(new Account(name, password));
      }
    }
    return problems.isEmpty() ? new Parsed(accounts, List.of()) : new Parsed(List.of(), problems);
  }
}
