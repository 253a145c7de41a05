package dev.docklab.shell.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.docklab.shell.line.LineParser;
import dev.docklab.shell.line.Syntax;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpanderTest {
  /** The words of the line's only command, expanded with {@code substitute} and {@code $?} = {@code status}. */
  private static List<String> expand(String line, Function<Syntax.Line, String> substitute, int status) {
    return Expander.expand(LineParser.parse(line).items().get(0).pipeline().commands().get(0).words(), substitute,
        status);
  }

  @Test
  void unquotedOutputSplitsIntoWords() {
    assertEquals(List.of("docker", "stop", "abc", "def"), expand("docker stop $(docker ps -q)", l -> "abc\ndef\n", 0));
  }

  @Test
  void emptyOutputLeavesNoWord() {
    assertEquals(List.of("docker", "rm"), expand("docker rm $(docker ps -aq)", l -> "", 0));
  }

  @Test
  void quotedOutputStaysOneWord() {
    assertEquals(List.of("echo", "ids: a b"), expand("echo \"ids: $(x)\"", l -> "a b\n", 0));
  }

  @Test
  void outputJoinsTheTextAroundIt() {
    assertEquals(List.of("echo", "pre[a", "b]post"), expand("echo pre$(x)post", l -> "[a b]", 0));
  }

  @Test
  void theSubstitutionGetsItsParsedLine() {
    assertEquals(List.of("echo", "docker ps -q --filter name=(x)"), expand("echo \"$(docker ps -q --filter 'name=(x)')\"",
        l -> String.join(" ", expand(l)), 0));
  }

  private static List<String> expand(Syntax.Line l) {
    return Expander.expand(l.items().get(0).pipeline().commands().get(0).words(), x -> "", 0);
  }

  @Test
  void statusOfThePreviousCommand() {
    assertEquals(List.of("echo", "3"), expand("echo $?", l -> "", 3));
  }
}
