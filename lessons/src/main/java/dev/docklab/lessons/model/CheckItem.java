package dev.docklab.lessons.model;

import dev.docklab.lessons.check.AnswerCheck;
import dev.docklab.lessons.check.Check;
import dev.docklab.lessons.check.ContainerCheck;
import dev.docklab.lessons.check.FileCheck;
import dev.docklab.lessons.check.HttpCheck;
import dev.docklab.lessons.check.HubCheck;
import dev.docklab.lessons.check.JavaCheck;
import dev.docklab.lessons.check.ImageCheck;
import dev.docklab.lessons.check.LoginCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a step's {@code checks}: exactly one check ({@code container}, {@code image},
 * {@code file}, {@code http}, {@code hub}, {@code login}, {@code answer} or {@code java}: a JShell snippet's value), and optionally what
 * {@code goal} says for it.
 *
 * @param say the check in the lesson's own words (null: docklab describes it from its fields)
 */
public record CheckItem(ContainerCheck container, ImageCheck image, FileCheck file, HttpCheck http,
    HubCheck hub, LoginCheck login, AnswerCheck answer, JavaCheck java, Text say) {
  public CheckItem {
    List<Check> given = new ArrayList<>();
    for (Check c : new Check[] {container, image, file, http, hub, login, answer, java}) {
      if (c != null) {
        given.add(c);
      }
    }
    if (given.size() != 1) {
      throw new IllegalArgumentException("a check is exactly one of container, image, file, http, hub, login, answer, java (found "
          + given.size() + ")");
    }
  }

  /** The entry that holds {@code check}, said as {@code say} (null: docklab describes it). */
  public static CheckItem of(Check check, Text say) {
    return new CheckItem(check instanceof ContainerCheck c ? c : null, check instanceof ImageCheck i ? i : null,
        check instanceof FileCheck f ? f : null, check instanceof HttpCheck h ? h : null,
        check instanceof HubCheck b ? b : null, check instanceof LoginCheck l ? l : null,
        check instanceof AnswerCheck a ? a : null, check instanceof JavaCheck j ? j : null, say);
  }

  /** The check this entry holds. */
  public Check check() {
    for (Check c : new Check[] {container, image, file, http, hub, login, java}) {
      if (c != null) {
        return c;
      }
    }
    return answer;
  }
}
