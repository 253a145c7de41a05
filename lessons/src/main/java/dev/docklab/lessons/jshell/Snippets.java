package dev.docklab.lessons.jshell;

import dev.docklab.engine.api.Engine;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Snippets a lesson's checks run on an engine: one JShell per engine, kept between checks (its start
 * costs a second, a snippet then a few milliseconds).
 */
public final class Snippets {
  private static EngineShell shell;
  private static Engine on;

  private Snippets() {}

  /**
   * The value of {@code code}'s last snippet on {@code engine}, as JShell prints it ({@code 2},
   * {@code "text"}); null when it does not compile, throws or gives no value.
   */
  public static synchronized String value(Engine engine, String code) {
    if (on != engine) {
      if (shell != null) {
        shell.close();
      }
      shell = EngineShell.open(engine);
      on = engine;
    }
    String value = null;
    String rest = code;
    while (rest != null && !rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.jshell().sourceCodeAnalysis().analyzeCompletion(rest);
      if (!info.completeness().isComplete()) {
        return null;
      }
      value = null;
      for (SnippetEvent e : shell.jshell().eval(info.source())) {
        if (e.causeSnippet() != null) {
          continue;
        }
        if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
          shell.takeThrown();
          return null;
        }
        value = e.value();
      }
      rest = info.remaining();
    }
    return value;
  }
}
