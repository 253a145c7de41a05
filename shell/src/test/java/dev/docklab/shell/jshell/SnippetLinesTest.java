package dev.docklab.shell.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.EngineMessage;
import dev.docklab.shell.i18n.Messages;
import org.junit.jupiter.api.Test;

/** What jshell says of a snippet that threw, and where Tab completion starts its word. */
class SnippetLinesTest {
  private static final Messages EN = new Messages(Messages.Lang.EN);
  private static final Messages ZH = new Messages(Messages.Lang.ZH);

  @Test
  void anEngineFailureIsOneLineInTheLearnersLanguage() {
    EngineException e = EngineException.conflict(EngineMessage.DATA_ROOT_IN_USE, "/var/lib/docklab");
    String en = SnippetLines.exception(new RuntimeException(e.getMessage()), e, EN);
    String zh = SnippetLines.exception(new RuntimeException(e.getMessage()), e, ZH);
    assertEquals("|  Engine error: " + e.getMessage(), en);
    assertTrue(zh.startsWith("|  引擎错误："), zh);
    assertFalse(zh.contains(e.getMessage()), "docklab's own words are said in Chinese: " + zh);
    assertFalse(zh.contains("\n"), zh);
  }

  @Test
  void dockersOwnWordsStayInEnglish() {
    EngineException e = EngineException.notFound("No such container: nope");
    assertEquals("|  引擎错误：No such container: nope", SnippetLines.exception(new RuntimeException(), e, ZH));
  }

  @Test
  void anyOtherExceptionIsItsClassAndMessage() {
    ArithmeticException e = new ArithmeticException("/ by zero");
    assertEquals("|  Exception java.lang.ArithmeticException: / by zero", SnippetLines.exception(e, e, EN));
  }

  @Test
  void completionReplacesTheIdentifierOrTheTextAfterTheQuote() {
    assertEquals("cre", JavaCompleter.word("var c = engine.containers().cre"));
    assertEquals("", JavaCompleter.word("engine."));
    assertTrue(JavaCompleter.inString("engine.images().inspect(\"busy"));
    assertEquals("busy", JavaCompleter.word("engine.images().inspect(\"busy"));
    assertFalse(JavaCompleter.inString("engine.images().inspect(\"a\\\"b\")."));
  }
}
