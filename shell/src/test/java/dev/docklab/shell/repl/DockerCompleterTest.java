package dev.docklab.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.Containers;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.shell.builtin.Builtins;
import dev.docklab.shell.command.DockerCli;
import dev.docklab.shell.command.ExplainCommand;
import dev.docklab.shell.command.ExplainView;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class DockerCompleterTest {
  private final DockerCompleter completer = new DockerCompleter(new Builtins(new DockerCli(), (args, s) -> 0), () -> {
    throw new AssertionError("the first word needs no engine");
  });

  /** Two containers, {@code up} running and {@code down} exited, behind the api's Containers.list. */
  private final DockerCompleter withContainers = new DockerCompleter(new Builtins(new DockerCli(), (args, s) -> 0),
      () -> engine(List.of(container("up", ContainerStatus.RUNNING), container("down", ContainerStatus.EXITED))));

  private List<String> candidates(String line) {
    return candidates(completer, line);
  }

  private static List<String> candidates(DockerCompleter c, String line) {
    List<Candidate> out = new ArrayList<>();
    c.complete(null, new DefaultParser().parse(line, line.length()), out);
    return out.stream().map(Candidate::value).toList();
  }

  private static Container container(String name, ContainerStatus status) {
    String id = (name + "0".repeat(64)).substring(0, 64).replaceAll("[^0-9a-f]", "a");
    return new Container(id, name, Instant.now().toString(), "busybox", "sha256:" + "f".repeat(64), "sh", List.of(),
        List.of(), "/", "", "overlay2", new Container.HostConfig(0, 0, false, RestartPolicy.NO),
        new Container.State(status, 0, 0, "", null, null, 0, false), false, false, 0);
  }

  private static Engine engine(List<Container> all) {
    Containers cs = (Containers) Proxy.newProxyInstance(Containers.class.getClassLoader(),
        new Class<?>[] {Containers.class}, (p, m, args) -> {
          if (m.getName().equals("list") && args != null && args.length == 1) {
            boolean every = (Boolean) args[0];
            return all.stream().filter(c -> every || c.state().status() == ContainerStatus.RUNNING).toList();
          }
          throw new UnsupportedOperationException(m.getName());
        });
    return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (p, m, args) -> {
          if (m.getName().equals("containers")) {
            return cs;
          }
          throw new UnsupportedOperationException(m.getName());
        });
  }

  @Test
  void afterExplainComeEveryViewOfItsTable() {
    List<String> views = candidates("explain ");
    assertEquals(ExplainCommand.views().stream().map(ExplainView::name).toList(), views);
    assertTrue(views.containsAll(List.of("layers", "mount", "arch", "docker", "cow")), views.toString());
  }

  @Test
  void aViewThatTakesAContainerOffersContainersAndExplainDockerOffersDockersWords() {
    List<String> mount = candidates(withContainers, "explain mount ");
    assertTrue(mount.contains("up") && mount.contains("down"), mount.toString());
    assertTrue(candidates(withContainers, "explain cow ").contains("demo"));
    assertTrue(candidates("explain docker ").contains("run"));
    assertTrue(candidates("explain docker run --").contains("--rm"));
    assertEquals(List.of(), candidates("explain last "));
  }

  @Test
  void execOffersRunningContainersOnly() {
    List<String> exec = candidates(withContainers, "docker exec ");
    assertTrue(exec.contains("up"), exec.toString());
    assertFalse(exec.contains("down"), exec.toString());
    assertTrue(candidates(withContainers, "docker start ").contains("down"), "start still offers exited ones");
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
