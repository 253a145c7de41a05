package dev.docklab.lessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java: {snippet, value}}: a JShell snippet's value, as JShell prints it, compared with the one asked. */
class JavaCheckTest {
  private final FakeView view = new FakeView();

  @Test
  void holdsWhenTheSnippetGivesTheValue() {
    JavaCheck three = new JavaCheck("engine.containers().list().size()", "3");
    view.snippets.put("engine.containers().list().size()", "3");
    assertTrue(three.test(view.probe()).holds());
    view.snippets.put("engine.containers().list().size()", "2");
    assertFalse(three.test(view.probe()).holds());
  }

  @Test
  void aSnippetThatFailsNeverHolds() {
    assertFalse(new JavaCheck("engine.nope()", "null").test(view.probe()).holds(), "no value: it did not compile");
  }

  @Test
  void aStringIsComparedWithoutItsQuotes() {
    view.snippets.put("engine.containers().list().get(0).name()", "\"obj1\"");
    assertTrue(new JavaCheck("engine.containers().list().get(0).name()", "obj1").test(view.probe()).holds());
  }

  @Test
  void needsASnippetAndAValueAndNamesThemForGoal() {
    assertThrows(IllegalArgumentException.class, () -> new JavaCheck(" ", "1"));
    assertThrows(IllegalArgumentException.class, () -> new JavaCheck("1", null));
    assertEquals(List.of(new Fact("snippet", "1 + 1"), new Fact("value", "2")), new JavaCheck("1 + 1", "2").facts());
  }
}
