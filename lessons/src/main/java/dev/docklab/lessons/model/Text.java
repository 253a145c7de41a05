package dev.docklab.lessons.model;

/**
 * A text a lesson shows, in English and in 简体中文 (every text of a lesson has both).
 *
 * @param en the English text
 * @param zh the Simplified Chinese text
 */
public record Text(String en, String zh) {
  /** The text in Chinese when {@code chinese}, else in English. */
  public String in(boolean chinese) {
    return chinese ? zh : en;
  }

  /** This text with {@code {name}} replaced by {@code value} in both languages. */
  public Text with(String name, String value) {
    String key = "{" + name + "}";
    return new Text(en.replace(key, value), zh.replace(key, value));
  }
}
