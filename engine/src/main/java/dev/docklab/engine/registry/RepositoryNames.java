package dev.docklab.engine.registry;

import java.util.regex.Pattern;

/**
 * The distribution spec's rules for repository names and tags: what may reach the store, so that no
 * name can point outside it.
 */
public final class RepositoryNames {
  /** One path component: lowercase letters and digits, joined by {@code .}, {@code _}, {@code __} or dashes. */
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_NAME = 255;

  private RepositoryNames() {}

  public static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    for (String c : name.split("/", -1)) {
      if (!COMPONENT.matcher(c).matches()) {
        return false;
      }
    }
    return true;
  }

  public static boolean validTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  /** The name, or NAME_INVALID. */
  public static String requireName(String name) {
    if (!validName(name)) {
      throw RegistryError.nameInvalid(name);
    }
    return name;
  }
}
