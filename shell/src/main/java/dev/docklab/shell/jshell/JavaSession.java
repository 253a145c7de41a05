package dev.docklab.shell.jshell;

import dev.docklab.engine.api.Engine;
import dev.docklab.lessons.jshell.EngineShell;
import dev.docklab.shell.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/** One learner's JShell on the live engine: runs what they type and says what it gave. */
final class JavaSession implements AutoCloseable {
  private final EngineShell shell;
  private volatile boolean stopped;

  JavaSession(Engine engine) {
    this.shell = EngineShell.open(engine);
  }

  JShell jshell() {
    return shell.jshell();
  }

  SourceCodeAnalysis analysis() {
    return shell.jshell().sourceCodeAnalysis();
  }

  /** Whether {@code input} is still open (a brace, a parenthesis, a text block): more lines must come. */
  boolean incomplete(String input) {
    return analysis().analyzeCompletion(input).completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE;
  }

  /** Runs every snippet of {@code input}, in order, and returns what they say. */
  SnippetLines.Printed run(String input, Messages m) {
    stopped = false;
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    String rest = input;
    while (rest != null && !rest.isBlank() && !stopped) {
      SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(rest);
      String source = info.completeness().isComplete() ? info.source() : rest;
      List<SnippetEvent> events = shell.jshell().eval(source);
      Snippet rejected = events.stream().filter(e -> e.status() == Snippet.Status.REJECTED)
          .map(SnippetEvent::snippet).findFirst().orElse(null);
      SnippetLines.Printed p = SnippetLines.of(source, events, shell.takeThrown(),
          rejected == null ? List.of() : shell.jshell().diagnostics(rejected).collect(Collectors.toList()), m);
      out.addAll(p.out());
      err.addAll(p.err());
      rest = info.completeness().isComplete() ? info.remaining() : null;
    }
    if (stopped) {
      err.add(m.get("jshell.stopped"));
    }
    return new SnippetLines.Printed(out, err);
  }

  /** Stops the snippet that runs now (Ctrl-C). */
  void stop() {
    stopped = true;
    shell.stop();
  }

  /** {@code /vars}: the learner's variables with their types and values ({@code engine} first). */
  List<String> vars() {
    return shell.jshell().variables()
        .map(v -> "|    " + v.typeName() + " " + v.name() + " = " + value(v))
        .toList();
  }

  private String value(VarSnippet v) {
    try {
      return shell.jshell().varValue(v);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    shell.close();
  }
}
