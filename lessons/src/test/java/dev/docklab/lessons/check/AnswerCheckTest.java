package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {
  private final FakeView view = new FakeView();

  @Test
  void acceptsAnyGivenAnswerWithoutCaseQuotesOrExtraSpaces() {
    AnswerCheck yes = AnswerCheck.of(List.of("yes", "是"));
    assertTrue(yes.test(view.probe("YES")).holds());
    assertTrue(yes.test(view.probe("  'yes' ")).holds());
    assertTrue(yes.test(view.probe("是")).holds());
    assertFalse(yes.test(view.probe("no")).holds());
    assertFalse(yes.test(view.probe()).holds(), "nothing answered yet");
  }

  @Test
  void theNumberOfAnImagesLayersReadFromTheEngine() {
    view.image(1, List.of(1, 2), null, null, List.of("sh"), "busybox");
    AnswerCheck layers = new AnswerCheck(null, "busybox");
    assertTrue(layers.test(view.probe("2")).holds());
    assertFalse(layers.test(view.probe("1")).holds());
  }

  @Test
  void neverGivesTheAnswerAway() {
    assertTrue(AnswerCheck.of(List.of("42")).facts().isEmpty());
  }

  @Test
  void needsSomethingToAccept() {
    assertThrows(IllegalArgumentException.class, () -> new AnswerCheck(List.of(), null));
  }
}
