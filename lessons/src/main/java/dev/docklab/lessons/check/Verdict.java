package dev.docklab.lessons.check;

/**
 * Whether a check holds, and the container that made it hold (for {@code {container}} in the step's
 * explain suggestion).
 *
 * @param holds whether it holds
 * @param container the name of the container it found, or null
 */
public record Verdict(boolean holds, String container) {
  public static final Verdict NO = new Verdict(false, null);
  public static final Verdict YES = new Verdict(true, null);

  /** Holds, thanks to {@code container}. */
  public static Verdict by(String container) {
    return new Verdict(true, container);
  }

  /** {@link #YES} when {@code holds}, else {@link #NO}. */
  public static Verdict of(boolean holds) {
    return holds ? YES : NO;
  }
}
