package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import dev.docklab.shell.render.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote API made visible: a bash line's docker commands reach the served engine, and {@code explain
 * last} shows their REST calls (that line's only, and none of a client this docklab did not start);
 * {@code explain arch} lists the clients connected now.
 */
class ApiTraceIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-api-"));
    t.run("docker create --name r1 busybox true");
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.run("docker rm -f r1 r-orphan");
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void explainLastShowsTheRestCallsOfTheDockerCommandsABashLineRan() {
    String id = t.run("docker inspect -f '{{.Id}}' r1").out().strip();
    Transcript.Result r = t.run("for c in $(docker ps -aq --filter name=r1); do docker inspect $c >/dev/null; done"
        + "\nexplain last");
    String out = r.out().replaceAll("\n {25}", ""); // a call too wide for 80 columns goes on under its start
    assertTrue(Pattern.compile("(?m)^ *\\d+\\. api +[0-9.]+ ms  GET /v1\\.\\d+/containers/json\\?all=1&filters=\\{\"name\":"
        + "\\{\"r1\":true}} -> 200$").matcher(out).find(), out);
    assertTrue(Pattern.compile("(?m)^ *\\d+\\. api +[0-9.]+ ms  GET /v1\\.\\d+/containers/" + id.substring(0, 12)
        + "/json -> 200$").matcher(out).find(), out);
    assertTrue(Pattern.compile("(?m)^ *\\d+\\. api +[0-9.]+ ms  HEAD /_ping -> 200$").matcher(out).find(), out);
    String flat = out.replaceAll("\\s+", " ");
    assertTrue(flat.contains("api: a REST call of the Docker Engine API, made over docklab's socket by docker ps "
        + "-aq --filter name=r1 (PID "), flat);
    for (String l : r.out().lines().toList()) {
      assertTrue(Text.width(l) <= 80, "too wide: " + l);
    }
    String zh = t.runIn("zh", "for i in 1; do docker ps -q >/dev/null; done\nexplain last").out();
    assertTrue(zh.contains("api：Docker Engine API 的一次 REST 调用，由 docker ps -q (PID "), zh);
  }

  @Test
  void theTraceIsTheLastLinesOnly() {
    String out = t.run("for i in 1; do docker ps -q >/dev/null; done\nfor i in 1; do docker images -q >/dev/null; done"
        + "\nexplain last").out();
    assertTrue(Pattern.compile("GET /v1\\.\\d+/images/json -> 200").matcher(out).find(), out);
    assertFalse(out.contains("/containers/json"), out);
  }

  @Test
  void aClientThisDocklabDidNotStartIsServedButNotTraced() throws Exception {
    Path said = t.root.resolve("orphan.txt");
    // the subshell outlives its bash: its docker is no descendant of this docklab, as a teacher's terminal
    Transcript.Result r = t.run("(sleep 0.5; docker create --name r-orphan busybox true > " + said + ") >/dev/null"
        + " 2>&1 &\nfor i in 1; do docker images -q >/dev/null; sleep 2.5; done\nexplain last");
    String out = r.out();
    assertTrue(Files.readString(said).strip().matches("[0-9a-f]{64}"), "the other client was served");
    assertTrue(Pattern.compile("GET /v1\\.\\d+/images/json -> 200").matcher(out).find(), out);
    assertFalse(out.contains("containers/create"), out);
    assertFalse(out.contains("r-orphan"), "neither its REST calls nor its engine steps: " + out);
  }

  @Test
  void explainArchListsADockerEventsClientConnectedNow() throws Exception {
    Path pid = t.root.resolve("events.pid");
    try {
      Transcript.Result r = t.run("sh -c 'echo $$ > " + pid + "; exec docker events' >/dev/null 2>&1 </dev/null &"
          + "\nsleep 1\nexplain arch\nlang zh\nexplain arch\n/bin/kill $(cat " + pid + "); sleep 0.5\nexplain arch");
      long events = Long.parseLong(Files.readString(pid).strip());
      String out = r.out();
      String flat = out.replaceAll("\\s+", " ");
      assertTrue(flat.contains("clients docker events (PID " + events + ")"), out);
      assertTrue(flat.contains("srw-rw---- root:docklab"), out);
      assertEquals(1, out.split("docker events（PID " + events + "）", -1).length - 1, "listed, then gone: " + out);
      for (String l : out.lines().toList()) {
        assertTrue(Text.width(l) <= 80, "too wide: " + l);
      }
    } finally {
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroy);
      }
    }
  }
}
