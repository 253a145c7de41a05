package dev.docklab.shell.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionLinesTest {
  private static final List<String> SOLUTION = List.of("docker create --name web web", "docker start web",
      "!curl -s http://localhost:8080/");

  @Test
  void theFirstLineWhenNoneWasTyped() {
    assertEquals("docker create --name web web", SolutionLines.next(SOLUTION, List.of("docker ps")));
  }

  @Test
  void theLineAfterThoseTypedInOrderSpacesAndTheWordDockerAside() {
    assertEquals("docker start web", SolutionLines.next(SOLUTION, List.of("docker ps", "create  --name web web")));
    assertEquals("!curl -s http://localhost:8080/",
        SolutionLines.next(SOLUTION, List.of("docker create --name web web", "docker logs web", "docker start web")));
  }

  @Test
  void aLaterLineTypedFirstDoesNotSkipAnEarlierOne() {
    assertEquals("docker create --name web web", SolutionLines.next(SOLUTION, List.of("docker start web")));
  }

  @Test
  void allTypedStartsAgainAndNoSolutionGivesNothing() {
    assertEquals("docker create --name web web", SolutionLines.next(SOLUTION, SOLUTION));
    assertNull(SolutionLines.next(List.of(), List.of()));
  }

  @Test
  void anUndoneLineIsNotDoneAnyMore() {
    List<String> typed = new ArrayList<>(List.of("docker create --name web web", "docker start web", "docker ps"));
    SolutionLines.forgetLast(SOLUTION, typed);
    assertEquals(List.of("docker create --name web web", "docker ps"), typed);
    assertEquals("docker start web", SolutionLines.next(SOLUTION, typed));
  }
}
