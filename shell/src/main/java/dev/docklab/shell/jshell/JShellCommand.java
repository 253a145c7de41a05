package dev.docklab.shell.jshell;

import dev.docklab.engine.api.EngineException;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.Said;
import dev.docklab.shell.command.Session;
import dev.docklab.shell.render.Wrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code jshell}: Java on the live engine, in docklab's own JVM. On the learner's terminal, a prompt
 * with completion and its own history until {@code /exit} (or Ctrl-D); Ctrl-C stops a snippet that
 * runs. Otherwise it reads snippets from standard input and prints what each gives. Every snippet is a
 * command of its own for {@code explain last} and the copy-on-write watch.
 */
public final class JShellCommand {
  static final String PROMPT = "jshell> ";
  static final String MORE = "   ...> ";

  private JShellCommand() {}

  /** Runs {@code jshell} in {@code s}; returns 0, or 1 when JShell could not start. */
  public static int run(List<String> args, Session s) {
    if (!args.isEmpty()) {
      s.err().println("docklab: " + s.msg("jshell.usage"));
      return 2;
    }
    JavaSession java;
    try {
      java = new JavaSession(s.engine());
    } catch (EngineException e) {
      s.err().println("docklab: " + Said.of(e, s.messages()));
      return 1;
    } catch (IllegalStateException e) {
      s.err().println("docklab: " + e.getMessage());
      return 1;
    } catch (LinkageError e) {
      s.err().println("docklab: " + s.msg("jshell.unavailable", e.getMessage()));
      return 1;
    }
    try (java) {
      Terminal terminal = s.interaction().terminal().orElse(null);
      return terminal != null ? onTerminal(java, terminal, s) : fromInput(java, s);
    }
  }

  private static int onTerminal(JavaSession java, Terminal terminal, Session s) {
    JavaCompleter completer = new JavaCompleter(java::analysis, s::engine);
    String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("jshell")
        .parser(completer)
        .completer(completer)
        .variable(LineReader.HISTORY_FILE, Path.of(home, ".docklab_jshell_history"))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, MORE)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    Wrap.lines(s.msg("jshell.welcome"), "|  ", "|  ", s.width()).forEach(s.out()::println);
    while (true) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (!handle(line, java, s)) {
        break;
      }
    }
    s.out().println(s.msg("jshell.bye"));
    return 0;
  }

  private static int fromInput(JavaSession java, Session s) {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.in(), StandardCharsets.UTF_8));
    StringBuilder snippet = new StringBuilder();
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        snippet.append(snippet.length() == 0 ? "" : "\n").append(line);
        if (java.incomplete(snippet.toString())) {
          continue;
        }
        String text = snippet.toString();
        snippet.setLength(0);
        if (!handle(text, java, s)) {
          return 0;
        }
      }
    } catch (IOException e) {
      s.err().println("docklab: " + e.getMessage());
      return 1;
    }
    if (!snippet.toString().isBlank()) {
      s.err().println(s.msg("jshell.unfinished"));
      return 1;
    }
    return 0;
  }

  /** Runs one complete input: a command ({@code /exit}...) or snippets. Returns false on {@code /exit}. */
  static boolean handle(String line, JavaSession java, Session s) {
    String text = line.strip();
    if (text.isEmpty()) {
      return true;
    }
    if (text.startsWith("/")) {
      return slash(text, java, s);
    }
    s.trace().newCommand(text);
    s.foreground().cancellable(java::stop);
    SnippetLines.Printed said;
    try {
      said = java.run(line, s.messages());
    } finally {
      s.foreground().finished();
    }
    said.out().forEach(s.out()::println);
    said.err().forEach(s.err()::println);
    if (!s.cowWatch().isEmpty()) {
      ExplainCommand.tick(s);
    }
    return true;
  }

  private static boolean slash(String text, JavaSession java, Session s) {
    switch (text.split("\\s+")[0]) {
      case "/exit", "/quit" -> {
        return false;
      }
      case "/help", "/?" -> Wrap.block(s.msg("jshell.help"), s.width()).forEach(s.out()::println);
      case "/vars" -> java.vars().forEach(s.out()::println);
      default -> s.err().println(s.msg("jshell.unknown", text.split("\\s+")[0]));
    }
    return true;
  }
}
