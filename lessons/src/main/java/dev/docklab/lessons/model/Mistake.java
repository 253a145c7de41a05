package dev.docklab.lessons.model;

/** A mistake docklab recognises from the engine's errors and state, named as a lesson's {@code mistakes} name it. */
public enum Mistake {
  PORT_NOT_EXPOSED("port-not-exposed"),
  ATTACH_NOT_SHELL("attach-not-shell"),
  NAME_IN_USE("name-in-use"),
  NO_BASH("no-bash"),
  NOT_ON_HUB("not-on-hub"),
  PUSH_OUTSIDE_NAMESPACE("push-outside-namespace"),
  PUSH_NOT_LOGGED_IN("push-not-logged-in");

  private final String key;

  Mistake(String key) {
    this.key = key;
  }

  /** Its name in lesson files and message keys, such as {@code port-not-exposed}. */
  public String key() {
    return key;
  }

  /** The mistake named {@code key}, or null. */
  public static Mistake of(String key) {
    for (Mistake m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }
}
