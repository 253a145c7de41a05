package dev.docklab.lessons.check;

import java.util.List;

/**
 * A JShell snippet run on the engine gives the expected value: {@code java: {snippet:
 * "engine.containers().list().size()", value: "2"}}. The value is compared as JShell prints it, a
 * string without its quotes.
 *
 * @param snippet Java code, the engine bound as {@code engine} and its api imported
 * @param value what its last expression must give
 */
public record JavaCheck(String snippet, String value) implements Check {
  public JavaCheck {
    if (snippet == null || snippet.isBlank() || value == null) {
      throw new IllegalArgumentException("a java check needs a snippet and the value it must give");
    }
  }

  @Override
  public String kind() {
    return "java";
  }

  @Override
  public List<Fact> facts() {
    return List.of(new Fact("snippet", snippet), new Fact("value", value));
  }

  @Override
  public Verdict test(Probe probe) {
    String given = probe.view().java(snippet);
    return Verdict.of(given != null && unquoted(given).equals(unquoted(value)));
  }

  static String unquoted(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
