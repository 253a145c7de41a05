package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class DockerCompleterTest {
  private final DockerCompleter completer = new DockerCompleter(new Builtins(new DockerCli(), (args, s) -> 0), () -> {
    throw new AssertionError("the first word needs no engine");
  });

  private List<String> candidates(String line) {
    List<Candidate> out = new ArrayList<>();
    completer.complete(null, new DefaultParser().parse(line, line.length()), out);
    return out.stream().map(Candidate::value).toList();
  }

  @Test
  void theFirstWordIsABuiltinFromTheListOrADockerSubcommand() {
    List<String> first = candidates("");
    for (String w : List.of("docker", "explain", "help", "?", "lang", "echo", "clear", "exit", "quit", "cd", "pwd",
        "run", "ps", "images")) {
      assertTrue(first.contains(w), w + " in " + first);
    }
  }

  @Test
  void afterDockerComeItsSubcommandsAndNoBuiltins() {
    List<String> second = candidates("docker ");
    assertTrue(second.contains("run"), second.toString());
    assertTrue(!second.contains("explain"), second.toString());
  }

  @Test
  void flagsOfTheSubcommand() {
    List<String> flags = candidates("docker run --");
    assertTrue(flags.contains("--rm") && flags.contains("-d"), flags.toString());
  }
}
