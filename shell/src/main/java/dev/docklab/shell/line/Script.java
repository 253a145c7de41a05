package dev.docklab.shell.line;

import java.util.List;

/**
 * A parsed line: commands joined by {@code ;}, {@code &&} or {@code ||}.
 *
 * @param commands the commands in order; each says how it joins to the one before it
 */
public record Script(List<Step> commands) {

  /** How a command joins to the previous one. */
  public enum Join {
    /** The first command, or after {@code ;}: always runs. */
    ALWAYS,
    /** After {@code &&}: runs when the previous one succeeded. */
    IF_OK,
    /** After {@code ||}: runs when the previous one failed. */
    IF_FAILED
  }

  /** One simple command: its words, not yet expanded. */
  public record Step(Join join, List<Word> words) {}

  /** One word: literal text and command substitutions, side by side. */
  public record Word(List<Part> parts) {}

  /** A piece of a word. */
  public sealed interface Part permits Literal, Substitution, Status {}

  /** Plain text (quotes already removed). */
  public record Literal(String text) implements Part {}

  /** {@code $?}: the exit status of the previous command. */
  public record Status() implements Part {}

  /**
   * {@code $(...)}: the inner line runs and its output takes its place; outside double quotes the
   * output is split into words at white space.
   */
  public record Substitution(String source, boolean quoted) implements Part {}
}
