package dev.docklab.lessons.model;

import dev.docklab.lessons.check.AnswerCheck;
import dev.docklab.lessons.check.Check;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.check.FileCheck;
import dev.docklab.lessons.check.HttpCheck;
import dev.docklab.lessons.check.ImageCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a step's {@code checks}: exactly one check ({@code container}, {@code image},
 * {@code file}, {@code http} or {@code answer}), and optionally what {@code goal} says for it.
 *
 * @param say the check in the lesson's own words (null: docklab describes it from its fields)
 */
public record CheckItem(ContainerCheck container, ImageCheck image, FileCheck file, HttpCheck http,
    AnswerCheck answer, Text say) {
  public CheckItem {
    List<Check> given = new ArrayList<>();
    for (Check c : new Check[] {container, image, file, http, answer}) {
      if (c != null) {
        given.add(c);
      }
    }
    if (given.size() != 1) {
      throw new IllegalArgumentException("a check is exactly one of container, image, file, http, answer (found "
          + given.size() + ")");
    }
  }

  /** The check this entry holds. */
  public Check check() {
    return container != null ? container : image != null ? image : file != null ? file : http != null ? http : answer;
  }
}
