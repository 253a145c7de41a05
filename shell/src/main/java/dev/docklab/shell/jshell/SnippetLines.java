package dev.docklab.shell.jshell;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What a snippet's events say, as JShell's own tool says it ({@code x ==> value}, {@code |  created
 * method m()}, {@code |  Error:}), one line per failure, never a stack trace; an engine failure in the
 * learner's language.
 */
final class SnippetLines {
  /** Lines for the learner: values go to standard output, failures to standard error. */
  record Printed(List<String> out, List<String> err) {}

  private SnippetLines() {}

  /**
   * The lines of one snippet's {@code events}; {@code thrown} is the exception the snippet threw, as
   * thrown (null when none); {@code diags} the compiler's complaints when it was rejected.
   */
  static Printed of(String source, List<SnippetEvent> events, Throwable thrown, List<Diag> diags, Messages m) {
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue; // another snippet changed because of this one: JShell's tool is quiet about it too
      }
      if (e.status() == Snippet.Status.REJECTED) {
        err.add(m.get("jshell.error"));
        for (Diag d : diags) {
          err.addAll(diag(source, d));
        }
      } else if (e.exception() != null) {
        err.add(exception(e.exception(), thrown, m));
      } else if (e.snippet() instanceof VarSnippet v) {
        out.add(v.name() + " ==> " + e.value());
      } else if (e.snippet() instanceof ExpressionSnippet x) {
        out.add(x.name() + " ==> " + e.value());
      } else if (e.snippet() instanceof MethodSnippet ms) {
        out.add(m.get(created(e), m.get("jshell.kind.method"), ms.name() + "(" + ms.parameterTypes() + ")"));
      } else if (e.snippet() instanceof TypeDeclSnippet t) {
        out.add(m.get(created(e), m.get("jshell.kind." + typeKind(t)), t.name()));
      }
    }
    return new Printed(out, err);
  }

  /** The one line of a snippet that threw: an engine failure as the shell says it, anything else by its class. */
  static String exception(Throwable copy, Throwable thrown, Messages m) {
    if (thrown instanceof EngineException engine) {
      return m.get("jshell.engine-error", Said.of(engine, m));
    }
    String type = copy instanceof EvalException eval ? eval.getExceptionClassName() : copy.getClass().getName();
    String message = thrown != null ? thrown.getMessage() : copy.getMessage();
    return m.get("jshell.exception", message == null ? type : type + ": " + message);
  }

  private static String created(SnippetEvent e) {
    return e.previousStatus() == Snippet.Status.NONEXISTENT ? "jshell.created" : "jshell.replaced";
  }

  private static String typeKind(TypeDeclSnippet t) {
    return switch (t.subKind()) {
      case INTERFACE_SUBKIND -> "interface";
      case ENUM_SUBKIND -> "enum";
      case RECORD_SUBKIND -> "record";
      case ANNOTATION_TYPE_SUBKIND -> "annotation";
      default -> "class";
    };
  }

  /** The compiler's message, the source line it is about and a caret under the place. */
  static List<String> diag(String source, Diag d) {
    List<String> lines = new ArrayList<>();
    for (String l : d.getMessage(Locale.getDefault()).split("\n")) {
      lines.add("|    " + l);
    }
    long pos = d.getPosition();
    if (pos >= 0 && pos <= source.length()) {
      int start = source.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
      int end = source.indexOf('\n', (int) pos);
      String line = source.substring(start, end < 0 ? source.length() : end);
      lines.add("|    " + line);
      lines.add("|    " + " ".repeat((int) pos - start) + "^");
    }
    return lines;
  }
}
