package dev.docklab.engine.layer;

/** Entry names as errors may quote them: a short prefix, control characters made visible. */
public final class EntryNames {
  /** Names up to this many characters are quoted whole. */
  static final int SHORT = 80;

  private EntryNames() {}

  /**
   * {@code name} as an error may print it: whole when short, else its first characters and its
   * length; a control character (a newline, an escape sequence) shows as {@code ?}, so a hostile name
   * cannot fill the learner's screen or move its cursor.
   */
  public static String brief(String name) {
    if (name == null) {
      return "";
    }
    String head = name.length() <= SHORT ? name : name.substring(0, 48);
    StringBuilder b = new StringBuilder(head.length() + 32);
    head.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    if (head.length() < name.length()) {
      b.append("... (").append(name.length()).append(" characters)");
    }
    return b.toString();
  }
}
