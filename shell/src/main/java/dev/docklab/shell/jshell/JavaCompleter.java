package dev.docklab.shell.jshell;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tab completion in {@code jshell}: what JShell's own analysis suggests (the engine's methods after
 * {@code engine.}, variables, types), and inside a string literal the names of containers and images.
 * Its parser keeps a snippet whose braces or parentheses are still open for the next line.
 */
final class JavaCompleter implements Completer, Parser {
  private final Supplier<SourceCodeAnalysis> analysis;
  private final Supplier<Engine> engine;

  JavaCompleter(Supplier<SourceCodeAnalysis> analysis, Supplier<Engine> engine) {
    this.analysis = analysis;
    this.engine = engine;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    String code = line.line().substring(0, line.cursor());
    String word = line.word();
    if (inString(code)) {
      for (String name : names()) {
        if (name.startsWith(word)) {
          out.add(new Candidate(name, name, null, null, null, null, false));
        }
      }
      return;
    }
    int[] anchor = new int[1];
    for (SourceCodeAnalysis.Suggestion s : analysis.get().completionSuggestions(code, code.length(), anchor)) {
      int wordStart = code.length() - word.length();
      String value = anchor[0] >= wordStart ? code.substring(wordStart, anchor[0]) + s.continuation() : s.continuation();
      out.add(new Candidate(value, s.continuation(), null, null, null, null, false));
    }
  }

  /** Container names and image references, for a string literal. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    try {
      Engine e = engine.get();
      for (Container c : e.containers().list(true)) {
        names.add(c.name());
      }
      for (Image i : e.images().list()) {
        i.repoTags().stream().map(ImageReference::familiarString).forEach(names::add);
      }
    } catch (EngineException ex) {
      // no names to offer: the completion stays empty
    }
    return names;
  }

  /** Whether the end of {@code code} is inside a string literal (an odd number of unescaped quotes). */
  static boolean inString(String code) {
    boolean in = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\\' && in) {
        i++;
      } else if (c == '"') {
        in = !in;
      }
    }
    return in;
  }

  /** The word completion replaces: the text after the opening quote in a string, else the identifier before the cursor. */
  static String word(String code) {
    if (inString(code)) {
      return code.substring(code.lastIndexOf('"') + 1);
    }
    int start = code.length();
    while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
      start--;
    }
    return code.substring(start);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith("/")
        && analysis.get().analyzeCompletion(line).completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
      throw new EOFError(-1, cursor, "incomplete snippet");
    }
    return new Words(line, cursor, word(line.substring(0, Math.min(cursor, line.length()))));
  }

  /** The line as JLine sees it here: one word, the one before the cursor. */
  private record Words(String line, int cursor, String word) implements CompletingParsedLine {
    @Override
    public int wordCursor() {
      return word.length();
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate; // Java needs no shell escaping
    }

    @Override
    public int rawWordCursor() {
      return word.length();
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word);
    }
  }
}
