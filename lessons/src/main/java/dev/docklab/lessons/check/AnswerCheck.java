package dev.docklab.lessons.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.docklab.engine.api.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learner typed {@code answer TEXT} with an accepted answer, compared without case, surrounding
 * quotes or extra spaces. For questions the learner answers by looking at the engine ("how many layers
 * does busybox have?"): the accepted answers are given ({@code answer: [tick]}), or read from the
 * engine's real state ({@code answer: {layersOf: busybox}}: the number of the image's layers).
 *
 * @param accept the accepted answers
 * @param layersOf an image whose number of layers is also accepted (null for none)
 */
public record AnswerCheck(List<String> accept, String layersOf) implements Check {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public AnswerCheck {
    accept = accept == null ? List.of() : List.copyOf(accept);
    if (accept.isEmpty() && layersOf == null) {
      throw new IllegalArgumentException("an answer check needs the accepted answers, or layersOf: IMAGE");
    }
  }

  /** {@code answer: [a, b]} in a lesson file. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AnswerCheck of(List<String> accept) {
    return new AnswerCheck(accept, null);
  }

  @Override
  public String kind() {
    return "answer";
  }

  @Override
  public List<Fact> facts() {
    return List.of(); // goal must not give the answer away
  }

  @Override
  public Verdict test(Probe probe) {
    if (probe.answer() == null) {
      return Verdict.NO;
    }
    List<String> accepted = new ArrayList<>(accept);
    if (layersOf != null) {
      Image image = probe.view().image(layersOf);
      if (image != null) {
        accepted.add(String.valueOf(image.diffIds().size()));
      }
    }
    String given = normal(probe.answer());
    return Verdict.of(accepted.stream().anyMatch(a -> normal(a).equals(given)));
  }

  static String normal(String s) {
    String t = s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }
}
