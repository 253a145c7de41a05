package dev.docklab.shell.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineParserTest {
  /** Expands every step with a fake substitution that echoes "[inner]" and status 0. */
  private static List<List<String>> words(String line) {
    List<List<String>> out = new ArrayList<>();
    for (Script.Step step : LineParser.parse(line).commands()) {
      out.add(Expander.expand(step.words(), inner -> "<" + inner + ">", 0));
    }
    return out;
  }

  @Nested
  class Words {
    @Test
    void splitsAtBlanks() {
      assertEquals(List.of(List.of("docker", "run", "busybox", "echo", "hi")), words("docker  run busybox\techo hi"));
    }

    @Test
    void singleQuotesKeepEverything() {
      assertEquals(List.of(List.of("sh", "-c", "while true; do date; sleep 2; done")),
          words("sh -c 'while true; do date; sleep 2; done'"));
    }

    @Test
    void doubleQuotesAllowEscapes() {
      assertEquals(List.of(List.of("echo", "say \"hi\" \\ $x")), words("echo \"say \\\"hi\\\" \\\\ $x\""));
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() {
      assertEquals(List.of(List.of("echo", "", "x")), words("echo \"\" x"));
    }

    @Test
    void backslashEscapesABlank() {
      assertEquals(List.of(List.of("a b")), words("a\\ b"));
    }

    @Test
    void commentsAreIgnored() {
      assertEquals(List.of(List.of("docker", "ps")), words("docker ps # list them"));
    }

    @Test
    void backslashNewlineContinues() {
      assertEquals(List.of(List.of("docker", "run", "busybox")), words("docker run \\\n busybox"));
    }
  }

  @Nested
  class Operators {
    @Test
    void semicolonAndAndAndOr() {
      Script s = LineParser.parse("a; b && c || d");
      assertEquals(List.of(Script.Join.ALWAYS, Script.Join.ALWAYS, Script.Join.IF_OK, Script.Join.IF_FAILED),
          s.commands().stream().map(Script.Step::join).toList());
    }

    @Test
    void operatorsInsideQuotesAreText() {
      assertEquals(List.of(List.of("sh", "-c", "a && b; c")), words("sh -c \"a && b; c\""));
    }

    @Test
    void pipesAreRefusedWithAnExplanation() {
      SyntaxException e = assertThrows(SyntaxException.class, () -> LineParser.parse("docker ps | wc -l"));
      assertEquals("syntax error near '|': docklab runs docker commands one after another with ; && or ||, "
          + "it has no pipes or background jobs", e.getMessage());
    }

    @Test
    void leadingOperatorIsASyntaxError() {
      assertThrows(SyntaxException.class, () -> LineParser.parse("&& docker ps"));
    }
  }

  @Test
  void plumbingSplitsWhereTheHostAndDocklabMeet() {
    assertArrayEquals(new String[] {"cat pw | tr -d x ", " docker login --password-stdin"},
        Segments.splitLastPipe("cat pw | tr -d x | docker login --password-stdin"));
    assertArrayEquals(new String[] {"docker load ", "b.tar"}, Segments.splitInput("docker load < b.tar"));
    assertEquals(null, Segments.splitInput("docker run busybox sh -c 'cat < /etc/hosts'"));
  }

  @Nested
  class Substitution {
    @Test
    void unquotedOutputSplitsIntoWords() {
      List<String> argv = Expander.expand(LineParser.parse("docker stop $(docker ps -q)").commands().get(0).words(),
          inner -> "abc\ndef\n", 0);
      assertEquals(List.of("docker", "stop", "abc", "def"), argv);
    }

    @Test
    void emptyOutputLeavesNoWord() {
      List<String> argv = Expander.expand(LineParser.parse("docker rm $(docker ps -aq)").commands().get(0).words(),
          inner -> "", 0);
      assertEquals(List.of("docker", "rm"), argv);
    }

    @Test
    void quotedOutputStaysOneWord() {
      List<String> argv = Expander.expand(LineParser.parse("echo \"ids: $(x)\"").commands().get(0).words(),
          inner -> "a b\n", 0);
      assertEquals(List.of("echo", "ids: a b"), argv);
    }

    @Test
    void nestedParenthesesAndQuotes() {
      Script.Step step = LineParser.parse("echo pre$(docker ps -q --filter 'name=(x)')").commands().get(0);
      assertEquals(List.of("echo", "pre[docker_ps_-q_--filter_'name=(x)']"),
          Expander.expand(step.words(), inner -> "[" + inner.replace(' ', '_') + "]", 0));
    }

    @Test
    void statusOfThePreviousCommand() {
      assertEquals(List.of("echo", "3"),
          Expander.expand(LineParser.parse("echo $?").commands().get(0).words(), inner -> "", 3));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo 'open", "echo \"open", "echo $(docker ps", "docker run \\", "docker ps &&"})
  void incompleteLinesAskForMore(String line) {
    assertThrows(IncompleteLineException.class, () -> LineParser.parse(line));
  }
}
