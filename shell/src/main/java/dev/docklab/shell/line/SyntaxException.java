package dev.docklab.shell.line;

/** A line that cannot be parsed: the token where it went wrong ({@code ;}, {@code |}, or {@code newline}). */
public final class SyntaxException extends RuntimeException {
  private final String token;

  public SyntaxException(String token) {
    super("syntax error near unexpected token '" + token + "'");
    this.token = token;
  }

  /** The unexpected token, as the learner typed it; {@code newline} when the line ended too soon. */
  public String token() {
    return token;
  }
}
