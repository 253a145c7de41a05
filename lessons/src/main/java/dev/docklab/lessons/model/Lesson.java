package dev.docklab.lessons.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A lesson: its id (also the value of the {@code docklab.lesson} label on what it creates), its
 * title and introduction, the state it starts from, its steps, and its own words for mistakes.
 */
public record Lesson(String id, Text title, Text intro, StartState start, List<Step> steps,
    List<MistakeHint> mistakes) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Lesson {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("the lesson id \"" + id
          + "\" must be lower-case letters, digits and dashes (it becomes the label docklab.lesson=ID)");
    }
    if (title == null || intro == null) {
      throw new IllegalArgumentException("a lesson needs a title and an intro");
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("a lesson needs at least one step");
    }
    start = start == null ? StartState.NONE : start;
    steps = List.copyOf(steps);
    mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
  }

  /** The lesson's own text for {@code mistake}, or null when it has none. */
  public Text mistakeText(Mistake mistake) {
    return mistakes.stream().filter(h -> h.when().equals(mistake.key())).map(MistakeHint::text).findFirst()
        .orElse(null);
  }

  /** The label every container the lesson creates carries. */
  public static final String LABEL = "docklab.lesson";
}
