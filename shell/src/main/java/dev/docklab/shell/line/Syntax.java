package dev.docklab.shell.line;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a line, as {@link LineParser} builds it once: pipelines joined by {@code ;},
 * {@code &}, {@code &&} and {@code ||}; each pipeline simple commands joined by {@code |}; each
 * command words and redirections; each word literal text, {@code $?} and {@code $(...)}.
 */
public sealed interface Syntax {

  /** A whole line, or the inside of a {@code $(...)}: its pipelines in the order they run. */
  record Line(List<Item> items) implements Syntax {
    public Line {
      items = List.copyOf(items);
    }

    /** The first command's name when the line starts with one in plain text ({@code explain}), else null. */
    public String firstWord() {
      if (items.isEmpty() || items.get(0).pipeline().host() || items.get(0).pipeline().commands().isEmpty()) {
        return null;
      }
      return items.get(0).pipeline().commands().get(0).name();
    }
  }

  /** How a pipeline joins the one before it. */
  enum Join {
    /** The first one, or after {@code ;} or {@code &}: always runs. */
    ALWAYS,
    /** After {@code &&}: runs when the previous one succeeded. */
    IF_OK,
    /** After {@code ||}: runs when the previous one failed. */
    IF_FAILED
  }

  /** A pipeline, how it joins the one before it, and whether {@code &} sends it to the background. */
  record Item(Join join, Pipeline pipeline, boolean background) implements Syntax {}

  /**
   * Simple commands joined by {@code |}. {@code host} when the pipeline had {@code !} in front: all
   * of it goes to the host's shell (and then it may have no command at all).
   */
  record Pipeline(List<Command> commands, boolean host) implements Syntax {
    public Pipeline {
      commands = List.copyOf(commands);
    }

    /** Its text for the host's shell: the commands as typed, joined by {@code |}. */
    public String source() {
      return source(0, commands.size());
    }

    /** The text of commands {@code from} (inclusive) to {@code to} (exclusive), joined by {@code |}. */
    public String source(int from, int to) {
      return commands.subList(from, to).stream().map(Command::source).collect(Collectors.joining(" | "));
    }
  }

  /**
   * A simple command: its words, its redirections, and its text as typed (for the host's shell;
   * without the blanks and comment around it).
   */
  record Command(List<Word> words, List<Redirect> redirects, String source) implements Syntax {
    public Command {
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }

    /** Its first word when that is plain text ({@code docker}, {@code ls}), else null. */
    public String name() {
      return words.isEmpty() ? null : words.get(0).literal();
    }
  }

  /** One word: literal text, {@code $?} and {@code $(...)} side by side, quotes already removed. */
  record Word(List<Part> parts) implements Syntax {
    public Word {
      parts = List.copyOf(parts);
    }

    /** Its text when it is made of literal text only, else null. */
    public String literal() {
      StringBuilder b = new StringBuilder();
      for (Part p : parts) {
        if (!(p instanceof Literal l)) {
          return null;
        }
        b.append(l.text());
      }
      return b.toString();
    }
  }

  /** A piece of a word. */
  sealed interface Part extends Syntax {}

  /** Plain text (quotes and escapes already removed). */
  record Literal(String text) implements Part {}

  /** {@code $?}: the exit status of the previous command. */
  record Status() implements Part {}

  /**
   * {@code $(...)}: the inner line runs and its output takes its place; outside double quotes the
   * output is split into words at white space.
   */
  record Substitution(Line line, boolean quoted) implements Part {}

  /**
   * A redirection: {@code 2>&1}, {@code > out.tar}, {@code < in.tar}. {@code target} is the word
   * as typed (a file name for the host's shell, or a descriptor after {@code >&}).
   */
  record Redirect(int fd, Op op, String target) implements Syntax {}

  /** The redirection operators of the POSIX shell. */
  enum Op {
    OUT(">", 1), APPEND(">>", 1), CLOBBER(">|", 1), DUP_OUT(">&", 1),
    IN("<", 0), HERE_DOC("<<", 0), DUP_IN("<&", 0), READ_WRITE("<>", 0);

    private final String symbol;
    private final int defaultFd;

    Op(String symbol, int defaultFd) {
      this.symbol = symbol;
      this.defaultFd = defaultFd;
    }

    /** As typed: {@code >>}. */
    public String symbol() {
      return symbol;
    }

    /** The descriptor it applies to when none is written: 1 for output, 0 for input. */
    public int defaultFd() {
      return defaultFd;
    }
  }
}
