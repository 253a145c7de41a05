package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lines copied from tutorials that are bash, not one docker command: they run in bash, and the docker
 * commands inside reach this engine through the socket it serves ({@code DOCKER_HOST}).
 */
class ShellLinesIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-lines-"));
    t.run("docker run -d --name l1 busybox sleep 300; docker run -d --name l2 busybox sleep 300");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.run("docker rm -f l1 l2");
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void aForLoopOverDockerPsRunsInBashOnThisEngine() {
    Transcript.Result r = t.run("for c in $(docker ps -q --filter name=l1 --filter name=l2); do "
        + "docker inspect -f '{{.Name}}' $c; done");
    assertEquals(0, r.status(), r.err());
    assertEquals("/l1\n/l2\n", r.out().lines().sorted().map(l -> l + "\n").reduce("", String::concat));
  }

  @Test
  void shellVariablesAreExpandedAsBashDoes() {
    Transcript.Result r = t.run("GREETING=hi; docker run --rm busybox echo \"$GREETING from ${HOME}\"");
    assertEquals("hi from " + System.getenv("HOME") + "\n", r.out(), r.err());
  }

  @Test
  void aLoopTypedOnSeveralLinesIsOneLine() {
    Transcript.Result r = t.run("for n in l1 l2\ndo\n  docker inspect -f '{{.State.Status}}' $n\ndone");
    assertEquals("running\nrunning\n", r.out(), r.err());
  }

  @Test
  void explainArchShowsTheSocketOnceTheEngineIsServed() {
    String idle = t.run("explain arch").out().replaceAll("\\s+", " ");
    assertTrue(idle.contains("The Docker Engine API is not served now: there is no socket"), idle);
    String arch = t.run("for i in 1; do docker ps -q >/dev/null; done\nexplain arch").out().replaceAll("\\s+", " ");
    assertTrue(arch.contains("socket " + t.root.resolve("docklab.sock")), arch);
    assertTrue(arch.contains("daemon PID " + ProcessHandle.current().pid() + ", this process"), arch);
  }

  @Test
  void xargsRunsDockerOnThisEngine() {
    t.run("docker run -d --name x1 busybox sleep 300");
    Transcript.Result r = t.run("docker ps -q --filter name=x1 | xargs docker stop -t 0");
    assertEquals(0, r.status(), r.err());
    assertEquals("exited\n", t.run("docker inspect -f '{{.State.Status}}' x1").out());
    t.run("docker rm x1");
  }

  @Test
  void redirectionsAndOrAreTheShells() {
    assertEquals("fallback\n", t.run("docker inspect nosuch >/dev/null 2>&1 || echo fallback").out());
    assertEquals("", t.run("docker inspect l1 >/dev/null 2>&1 || echo fallback").out());
  }

  @Test
  void aPipeInsideCommandSubstitutionTags() {
    Transcript.Result r = t.run("docker tag $(docker images -q busybox:latest | head -1) tagged/busybox:v9.0");
    assertEquals(0, r.status(), r.err());
    assertEquals(t.run("docker inspect -f '{{.Id}}' busybox:latest").out(),
        t.run("docker inspect -f '{{.Id}}' tagged/busybox:v9.0").out());
    t.run("docker rmi tagged/busybox:v9.0");
  }
}
