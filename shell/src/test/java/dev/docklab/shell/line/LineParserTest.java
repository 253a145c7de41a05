package dev.docklab.shell.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.shell.line.Syntax.Command;
import dev.docklab.shell.line.Syntax.Item;
import dev.docklab.shell.line.Syntax.Join;
import dev.docklab.shell.line.Syntax.Line;
import dev.docklab.shell.line.Syntax.Literal;
import dev.docklab.shell.line.Syntax.Op;
import dev.docklab.shell.line.Syntax.Part;
import dev.docklab.shell.line.Syntax.Pipeline;
import dev.docklab.shell.line.Syntax.Redirect;
import dev.docklab.shell.line.Syntax.Status;
import dev.docklab.shell.line.Syntax.Substitution;
import dev.docklab.shell.line.Syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each line and the tree it parses to. */
class LineParserTest {

  // --- a small language for the expected trees ---

  static Line line(Item... items) {
    return new Line(List.of(items));
  }

  static Item run(Pipeline p) {
    return new Item(Join.ALWAYS, p, false);
  }

  static Item ifOk(Pipeline p) {
    return new Item(Join.IF_OK, p, false);
  }

  static Item ifFailed(Pipeline p) {
    return new Item(Join.IF_FAILED, p, false);
  }

  static Item background(Pipeline p) {
    return new Item(Join.ALWAYS, p, true);
  }

  static Pipeline pipe(Command... commands) {
    return new Pipeline(List.of(commands), false);
  }

  static Pipeline host(Command... commands) {
    return new Pipeline(List.of(commands), true);
  }

  /** A command of plain words: {@code source} split at blanks. */
  static Command cmd(String source) {
    return cmd(source, (Object[]) source.split("\\s+"));
  }

  /** A command as typed, with its words ({@code String} for plain text, or {@link Word}) and redirections. */
  static Command cmd(String source, Object... wordsAndRedirects) {
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    for (Object o : wordsAndRedirects) {
      if (o instanceof Redirect r) {
        redirects.add(r);
      } else {
        words.add(o instanceof Word w ? w : word(new Literal((String) o)));
      }
    }
    return new Command(words, redirects, source);
  }

  static Word word(Part... parts) {
    return new Word(List.of(parts));
  }

  static Literal lit(String text) {
    return new Literal(text);
  }

  static Substitution sub(Line line) {
    return new Substitution(line, false);
  }

  static Substitution quotedSub(Line line) {
    return new Substitution(line, true);
  }

  static Redirect redirect(int fd, Op op, String target) {
    return new Redirect(fd, op, target);
  }

  private static void assertParses(String line, Line tree) {
    assertEquals(tree, LineParser.parse(line), line);
  }

  @Nested
  class Words {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of("docker  run busybox\techo hi",
              line(run(pipe(cmd("docker  run busybox\techo hi", "docker", "run", "busybox", "echo", "hi"))))),
          Arguments.of("sh -c 'while true; do date; sleep 2; done'",
              line(run(pipe(cmd("sh -c 'while true; do date; sleep 2; done'", "sh", "-c",
                  "while true; do date; sleep 2; done"))))),
          Arguments.of("echo \"say \\\"hi\\\" \\\\ $x\"",
              line(run(pipe(cmd("echo \"say \\\"hi\\\" \\\\ $x\"", "echo", "say \"hi\" \\ $x"))))),
          Arguments.of("echo \"\" x", line(run(pipe(cmd("echo \"\" x", "echo", "", "x"))))),
          Arguments.of("docker run --entrypoint '' img",
              line(run(pipe(cmd("docker run --entrypoint '' img", "docker", "run", "--entrypoint", "", "img"))))),
          Arguments.of("a\\ b", line(run(pipe(cmd("a\\ b", "a b"))))),
          Arguments.of("docker ps # list them", line(run(pipe(cmd("docker ps"))))),
          Arguments.of("docker run \\\n busybox",
              line(run(pipe(cmd("docker run \\\n busybox", "docker", "run", "busybox"))))),
          Arguments.of("sh -c \"a && b; c | d\"",
              line(run(pipe(cmd("sh -c \"a && b; c | d\"", "sh", "-c", "a && b; c | d"))))),
          Arguments.of("echo a#b (c)", line(run(pipe(cmd("echo a#b (c)"))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parse(String line, Line tree) {
      assertParses(line, tree);
    }
  }

  @Nested
  class Lists {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of("", line()),
          Arguments.of("   # only a comment", line()),
          Arguments.of("ls;", line(run(pipe(cmd("ls"))))),
          Arguments.of("a; b && c || d",
              line(run(pipe(cmd("a"))), run(pipe(cmd("b"))), ifOk(pipe(cmd("c"))), ifFailed(pipe(cmd("d"))))),
          Arguments.of("docker ps &&\n docker images",
              line(run(pipe(cmd("docker ps"))), ifOk(pipe(cmd("docker images"))))),
          Arguments.of("sleep 5 & ls", line(background(pipe(cmd("sleep 5"))), run(pipe(cmd("ls"))))),
          Arguments.of("!ps aux | grep x; ps", line(run(host(cmd("ps aux"), cmd("grep x"))), run(pipe(cmd("ps"))))),
          Arguments.of("! ps", line(run(host(cmd("ps"))))),
          Arguments.of("!", line(run(host()))),
          // lines pasted together: a newline ends a command as ; does, a comment ends at the newline
          Arguments.of("echo one\necho two\n", line(run(pipe(cmd("echo one"))), run(pipe(cmd("echo two"))))),
          Arguments.of("docker ps # list\n\n  docker images", line(run(pipe(cmd("docker ps"))),
              run(pipe(cmd("docker images"))))),
          Arguments.of("# setup\ndocker pull busybox && \n docker images\n",
              line(run(pipe(cmd("docker pull busybox"))), ifOk(pipe(cmd("docker images"))))),
          Arguments.of("echo $(docker ps -q # ids\n)", line(run(pipe(cmd("echo $(docker ps -q # ids\n)",
              "echo", word(sub(line(run(pipe(cmd("docker ps -q"))))))))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parse(String line, Line tree) {
      assertParses(line, tree);
    }
  }

  @Nested
  class Pipelines {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of("docker images | grep busybox | wc -l",
              line(run(pipe(cmd("docker images"), cmd("grep busybox"), cmd("wc -l"))))),
          Arguments.of("cat pw.txt|docker login --password-stdin",
              line(run(pipe(cmd("cat pw.txt"), cmd("docker login --password-stdin"))))),
          Arguments.of("explain layers web |\n less", line(run(pipe(cmd("explain layers web"), cmd("less"))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parse(String line, Line tree) {
      assertParses(line, tree);
    }

    @Test
    void aPipelineGivesTheHostItsCommandsAsTyped() {
      Pipeline p = LineParser.parse("docker images  |grep 'busy box'|  wc -l # count").items().get(0).pipeline();
      assertEquals("docker images | grep 'busy box' | wc -l", p.source());
      assertEquals("grep 'busy box' | wc -l", p.source(1, 3));
    }
  }

  @Nested
  class Redirections {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of("docker save busybox > busybox.tar", line(run(pipe(cmd("docker save busybox > busybox.tar",
              "docker", "save", "busybox", redirect(1, Op.OUT, "busybox.tar")))))),
          Arguments.of("docker load <b.tar", line(run(pipe(cmd("docker load <b.tar",
              "docker", "load", redirect(0, Op.IN, "b.tar")))))),
          Arguments.of("docker ps 2>&1 | grep x", line(run(pipe(cmd("docker ps 2>&1",
              "docker", "ps", redirect(2, Op.DUP_OUT, "1")), cmd("grep x"))))),
          Arguments.of("echo x >> log 2>/dev/null", line(run(pipe(cmd("echo x >> log 2>/dev/null",
              "echo", "x", redirect(1, Op.APPEND, "log"), redirect(2, Op.OUT, "/dev/null")))))),
          Arguments.of("a>'my file'", line(run(pipe(cmd("a>'my file'", "a", redirect(1, Op.OUT, "'my file'")))))),
          Arguments.of("cat <<EOF", line(run(pipe(cmd("cat <<EOF", "cat", redirect(0, Op.HERE_DOC, "EOF")))))),
          Arguments.of("> empty.txt", line(run(pipe(cmd("> empty.txt", redirect(1, Op.OUT, "empty.txt")))))),
          Arguments.of("echo 'a > b' a2", line(run(pipe(cmd("echo 'a > b' a2", "echo", "a > b", "a2"))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parse(String line, Line tree) {
      assertParses(line, tree);
    }
  }

  @Nested
  class Substitutions {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of("docker stop $(docker ps -q)", line(run(pipe(cmd("docker stop $(docker ps -q)",
              "docker", "stop", word(sub(line(run(pipe(cmd("docker ps -q"))))))))))),
          Arguments.of("echo \"ids: $(x)\"", line(run(pipe(cmd("echo \"ids: $(x)\"",
              "echo", word(lit("ids: "), quotedSub(line(run(pipe(cmd("x"))))))))))),
          Arguments.of("echo pre$(docker ps -q --filter 'name=(x)')", line(run(pipe(cmd(
              "echo pre$(docker ps -q --filter 'name=(x)')", "echo", word(lit("pre"), sub(line(run(pipe(cmd(
                  "docker ps -q --filter 'name=(x)'", "docker", "ps", "-q", "--filter", "name=(x)"))))))))))),
          Arguments.of("echo $? x$?", line(run(pipe(cmd("echo $? x$?",
              "echo", word(new Status()), word(lit("x"), new Status())))))),
          Arguments.of("echo $(docker ps | wc -l; ls)", line(run(pipe(cmd("echo $(docker ps | wc -l; ls)",
              "echo", word(sub(line(run(pipe(cmd("docker ps"), cmd("wc -l"))), run(pipe(cmd("ls"))))))))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parse(String line, Line tree) {
      assertParses(line, tree);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo 'open", "echo \"open", "echo $(docker ps", "docker run \\", "docker ps &&",
      "docker ps ||", "docker images |", "docker images | # more to come", "echo $(ls # x)"})
  void incompleteLinesAskForMore(String line) {
    assertThrows(IncompleteLineException.class, () -> LineParser.parse(line));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '=', value = {"&& docker ps = &&", "; ls = ;", "ls | | wc = |", "docker save x > = newline",
      "ls ;; ls = ;;", "echo $(a &&) = )", "ls > ; ls = ;", "| ls = |", "ls & & ls = &"})
  void misplacedOperatorsAreSyntaxErrors(String line, String token) {
    assertEquals(token, assertThrows(SyntaxException.class, () -> LineParser.parse(line)).token());
  }

  @Test
  void aRedirectionWithoutItsFileBeforeANewlineIsASyntaxError() {
    assertEquals("newline", assertThrows(SyntaxException.class,
        () -> LineParser.parse("docker save x >\ndocker ps")).token());
  }

  @Test
  void theFirstWordIsThePlainNameOfTheFirstCommand() {
    assertEquals("explain", LineParser.parse("explain last; docker ps").firstWord());
    assertNull(LineParser.parse("!explain last").firstWord(), "! sends it to the host");
    assertNull(LineParser.parse("$(echo docker) ps").firstWord());
    assertNull(LineParser.parse("# nothing").firstWord());
  }
}
