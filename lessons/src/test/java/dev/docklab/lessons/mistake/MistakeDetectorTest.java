package dev.docklab.lessons.mistake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.ContainerStatus;
import dev.docklab.engine.api.PortMapping;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.lessons.model.Mistake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each mistake detector, on containers and images as the engine would report them. */
class MistakeDetectorTest {
  static final Instant LINE = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant BEFORE = LINE.minusSeconds(60);
  static final Instant DURING = LINE.plusSeconds(1);

  final List<Container> containers = new ArrayList<>();
  final Map<String, Set<String>> images = Map.of("web", Set.of("80/tcp"), "sha256:web", Set.of("80/tcp"),
      "busybox", Set.of(), "alice/app:v1", Set.of());

  final MistakeView view = new MistakeView() {
    @Override
    public List<Container> containers() {
      return containers;
    }

    @Override
    public Set<String> exposes(String ref) {
      return images.get(ref);
    }

    @Override
    public String user(String registry) {
      return logins.get(registry);
    }
  };
  final Map<String, String> logins = new HashMap<>();

  void container(String name, Instant created, String path, PortMapping... ports) {
    Container.HostConfig hc = new Container.HostConfig(0, 0, false, RestartPolicy.NO, "bridge", List.of(ports), false);
    Container.State st = new Container.State(ContainerStatus.RUNNING, 42, 0, "", null, null, 0, false);
    containers.add(new Container("0123456789abcdef" + name, name, created.toString(), "web", "sha256:web", path,
        List.of(), List.of(), "/", "", "overlay2", hc, st, false, false, 0, List.of()));
  }

  Found detect(String line, int status) {
    return MistakeDetector.detect(line, status, LINE, view);
  }

  @Test
  void aPortTheImageDoesNotExposeIsSeenOnTheContainerMade() {
    container("site", DURING, "httpd", new PortMapping("", 8089, 8080, "tcp"));
    Found f = detect("docker run -d -p 8089:8080 --name site web", 0);
    assertEquals(Mistake.PORT_NOT_EXPOSED, f.kind());
    assertEquals(List.of("8080", "web", "80", "8089"), f.args());
    assertEquals(Mistake.PORT_NOT_EXPOSED, detect("docker start site", 0).kind(),
        "keyed on the state: the words of the line do not matter");
  }

  @Test
  void theExposedPortOrAnOlderContainerIsNoMistake() {
    container("good", DURING, "httpd", new PortMapping("", 8080, 80, "tcp"));
    container("old", BEFORE, "httpd", new PortMapping("", 8089, 8080, "tcp"));
    assertNull(detect("docker run -d -p 8080:80 web", 0));
  }

  @Test
  void aNameInUseIsTheOlderContainerOfThatName() {
    container("web", BEFORE, "httpd");
    Found f = detect("docker run -d --name web web", 125);
    assertEquals(Mistake.NAME_IN_USE, f.kind());
    assertEquals(List.of("web", "0123456789ab"), f.args());
    assertEquals(Mistake.NAME_IN_USE, detect("docker create --name=web busybox", 125).kind());
    assertEquals(Mistake.NAME_IN_USE, detect("docker rename other web", 1).kind());
    assertNull(detect("docker run -d --name web2 web", 125), "no container of that name: another error");
    assertNull(detect("docker run -d --name web web", 0), "the line worked");
  }

  @Test
  void bashAbsentIsStatus127OfABashCommand() {
    assertEquals(List.of("busybox"), detect("docker run -it busybox bash", 127).args());
    assertEquals(Mistake.NO_BASH, detect("docker exec -it -u root box /bin/bash", 127).kind());
    assertEquals(List.of("box"), detect("docker exec -it box bash", 127).args());
    assertNull(detect("docker exec -it box bash", 0), "bash ran");
    assertNull(detect("docker exec -it box sh", 127), "not bash");
  }

  @Test
  void anImageNeitherHereNorOnTheHub() {
    Found f = detect("docker pull nosuch:v9", 1);
    assertEquals(Mistake.NOT_ON_HUB, f.kind());
    assertEquals("nosuch:v9", f.what());
    assertEquals(Mistake.NOT_ON_HUB, detect("docker run -d -e A=1 nosuch", 125).kind());
    assertNull(detect("docker pull busybox", 1), "the image is here: another error");
    assertNull(detect("docker pull nosuch", 0));
  }

  @Test
  void attachToAProcessThatIsNotAShell() {
    container("site", BEFORE, "/bin/httpd");
    container("box", BEFORE, "sh");
    Found f = detect("docker attach site", 0);
    assertEquals(Mistake.ATTACH_NOT_SHELL, f.kind());
    assertEquals(List.of("site", "/bin/httpd"), f.args());
    assertNull(detect("docker container attach box", 0));
  }

  @Test
  void aPushRefusedOutsideOnesNamespace() {
    logins.put("docker.io", "bob");
    Found f = detect("docker push alice/app:v1", 1);
    assertEquals(Mistake.PUSH_OUTSIDE_NAMESPACE, f.kind());
    assertEquals(List.of("alice/app:v1", "alice", "bob"), f.args());
    assertNull(detect("docker push alice/app:v1", 0));
    assertNull(detect("docker push bob/none:v1", 1), "no such image here: another error");
    logins.put("docker.io", "alice");
    assertNull(detect("docker push alice/app:v1", 1), "in one's own namespace: refused for another reason");
  }

  @Test
  void aPushRefusedForWantOfALogin() {
    Found f = detect("docker push alice/app:v1", 1);
    assertEquals(Mistake.PUSH_NOT_LOGGED_IN, f.kind());
    assertEquals(List.of("alice/app:v1", ""), f.args());
    logins.put("docker.io", "alice");
    assertNull(detect("docker push alice/app:v1", 1), "logged in, into one's namespace: another error");
  }

  @Test
  void otherLinesAreNoMistake() {
    assertNull(detect("ls -l", 1));
    assertNull(detect("", 0));
    assertNull(detect("docker ps", 0));
  }
}
