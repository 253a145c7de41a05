package dev.docklab.engine.api;

import java.util.regex.Pattern;

/**
 * A container's id: 64 lower-case hex digits, shown shortened to 12 as Docker does.
 *
 * @param value the 64 hex digits
 */
public record ContainerId(String value) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ContainerId {
    if (value == null || !HEX64.matcher(value).matches()) {
      throw EngineException.invalid("invalid container id \"" + value + "\": expected 64 hex digits");
    }
  }

  /** The first 12 digits, as {@code docker ps} shows them. */
  public String shortId() {
    return value.substring(0, 12);
  }

  @Override
  public String toString() {
    return value;
  }
}
