package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.storage.Mounts;
import dev.docklab.engine.store.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container chapter of a tutorial, typed through {@code docklab -c} on the real engine. */
class LifecycleTranscriptIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-life-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void detachedContainerLogsStopStartAndWait() throws Exception {
    Transcript.Result run = t.run("docker run -d --name clock busybox sh -c 'i=0; while true; do echo tick $i; "
        + "i=$((i+1)); sleep 0.2; done'");
    assertTrue(run.out().matches("[0-9a-f]{64}\n"), run.out() + run.err());
    Thread.sleep(700);
    List<String> ps = t.run("docker ps").out().lines().toList();
    assertTrue(ps.get(1).matches("[0-9a-f]{12}   busybox +\"sh -c i=0; while tr…\" +.+ ago +Up .+clock"), ps.get(1));
    String logs = t.run("docker logs clock").out();
    assertTrue(logs.startsWith("tick 0\ntick 1\n"), logs);
    assertEquals(1, t.run("docker logs --tail 1 clock").out().lines().count());
    assertTrue(t.run("docker logs -t --tail 1 clock").out()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z tick \\d+\n"));
    assertEquals("clock\n", t.run("docker stop -t 1 clock").out());
    assertTrue(t.run("docker ps -a --filter name=clock --format '{{.Status}}'").out().startsWith("Exited (137) "));
    assertEquals("137\n", t.run("docker wait clock").out());
    Transcript.Result kill = t.run("docker kill clock");
    assertTrue(kill.err().matches("Error response from daemon: Cannot kill container: clock: Container [0-9a-f]{64} "
        + "is not running\n"), kill.err());
    assertEquals("clock\n", t.run("docker start clock").out());
    assertEquals("running\n", t.run("docker inspect -f '{{.State.Status}}' clock").out());
    assertTrue(Integer.parseInt(t.run("docker inspect -f '{{.State.Pid}}' clock").out().strip()) > 1);
    Transcript.Result rm = t.run("docker rm clock");
    assertTrue(rm.err().startsWith("Error response from daemon: You cannot remove a running container "), rm.err());
    assertEquals("clock\n", t.run("docker rm -f clock").out());
  }

  @Test
  void interactiveWithoutATtyPipesStdinAndLogsFollowUntilTheEnd() {
    Transcript.Result cat = t.run("docker run --rm -i busybox sh -c 'cat; echo stdin-closed'",
        "line one\nline two\n".getBytes());
    assertEquals("line one\nline two\nstdin-closed\n", cat.out(), cat.err());
    Transcript.Result follow = t.run("docker run -d --name counter busybox sh -c 'for i in 1 2 3; do echo n$i; "
        + "sleep 0.3; done'; docker logs -f counter");
    assertTrue(follow.out().endsWith("n1\nn2\nn3\n"), follow.out());
    assertEquals("", t.run("docker logs --since 1h --until 2h counter").out(),
        "until an hour ago: nothing yet");
    assertEquals("n1\nn2\nn3\n", t.run("docker logs --since 10m counter").out());
    t.run("docker rm counter");
  }

  @Test
  void restartPoliciesActWhileNoDocklabIsOpen() throws Exception {
    // each line of this test is a docklab of its own that closes: between them none is open
    t.run("docker run -d --name again --restart always busybox sh -c 'sleep 1; exit 3'");
    long deadline = System.nanoTime() + 30_000_000_000L;
    int count = 0;
    while (count < 2 && System.nanoTime() < deadline) {
      Thread.sleep(1500);
      count = Integer.parseInt(t.run("docker inspect -f '{{.RestartCount}}' again").out().strip());
    }
    assertTrue(count >= 2, "restarted " + count + " times with no docklab open, as Docker's daemon would");
    assertEquals(0, t.run("docker rm -f again").status());
    Transcript.Result gone = t.run("docker ps -a --filter name=again --format '{{.Names}}'");
    assertEquals("", gone.out(), gone.err());
  }

  @Test
  void labelsComeFromTheImageAndRunAndFilterPs() {
    t.run("docker create --name labelled -l lesson=3 --label team busybox true");
    t.run("docker create --name plain busybox true");
    assertEquals("labelled\n", t.run("docker ps -a --filter label=lesson=3 --format '{{.Names}}'").out());
    assertEquals("labelled\n", t.run("docker ps -a --filter label=team --format '{{.Names}}'").out());
    assertEquals("", t.run("docker ps -a --filter label=lesson=4 --format '{{.Names}}'").out());
    assertEquals("{\"lesson\":\"3\",\"team\":\"\"}\n", t.run("docker inspect -f '{{json .Config.Labels}}' labelled").out());
    assertEquals("0\n", t.run("docker inspect -s -f '{{.SizeRw}}' plain").out());
    assertTrue(t.run("docker inspect -s -f '{{.SizeRootFs}}' plain").out().matches("[1-9]\\d{5,}\n"));
    t.run("docker rm labelled plain");
  }

  @Test
  void stopSendsTheSignalAskedFor() {
    t.run("docker run -d --name trapper busybox sh -c 'trap \"echo got-int; exit 3\" INT; "
        + "while true; do sleep 0.1; done'");
    assertEquals("trapper\n", t.run("docker stop -s INT trapper").out());
    assertEquals("got-int\n", t.run("docker logs trapper").out());
    assertEquals("3\n", t.run("docker wait trapper").out());
    t.run("docker rm trapper");
  }

  @Test
  void stopAllWithCommandSubstitution() {
    t.run("docker run -d --name s1 busybox sleep 60; docker run -d --name s2 busybox sleep 60");
    Transcript.Result stop = t.run("docker stop -t 0 $(docker ps -q --filter name=s1 --filter name=s2)");
    assertEquals(2, stop.out().lines().count(), stop.err());
    assertEquals("", t.run("docker ps -q --filter name=s1 --filter name=s2").out());
    t.run("docker rm s1 s2");
  }

  @Test
  void severalContainersStopTogetherAsTheDockerCliStopsThem() {
    t.run("docker run -d --name deafA busybox sh -c 'while true; do sleep 0.1; done'");
    t.run("docker run -d --name deafB busybox sh -c 'while true; do sleep 0.1; done'");
    assertEquals("deafA\ndeafB\n", t.run("docker stop -t 2 deafA deafB").out(), "each name, in the order given");
    Instant a = Instant.parse(t.run("docker inspect -f '{{.State.FinishedAt}}' deafA").out().strip());
    Instant b = Instant.parse(t.run("docker inspect -f '{{.State.FinishedAt}}' deafB").out().strip());
    // both wait out their 2 s grace period at once: one after the other, they would end 2 s apart
    assertTrue(Duration.between(a, b).abs().toMillis() < 1500, a + " / " + b);
    Transcript.Result rm = t.run("docker rm deafA nosuch deafB");
    assertEquals("deafA\ndeafB\n", rm.out());
    assertEquals("Error response from daemon: No such container: nosuch\n", rm.err());
    assertEquals(1, rm.status());
  }

  @Test
  void explainLastAfterStopShowsTheGracePeriodWhyAndWhichContainer() {
    t.run("docker run -d --name deaf busybox sh -c 'while true; do sleep 0.1; done'");
    t.run("docker run -d --name deaf2 busybox sh -c 'while true; do sleep 0.1; done'");
    String out = t.run("docker stop -t 1 deaf deaf2; explain last").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("wait 1.0 s the grace period: wait for PID 1 to exit"), out);
    assertTrue(out.contains("[deaf] No exit in 1.0 s: PID 1 (sh) has no handler for SIGTERM"), out);
    assertTrue(out.contains("[deaf] SIGKILL to PID 1"), out);
    assertTrue(out.contains("[deaf2] SIGTERM to PID 1"), out);
    t.run("docker rm deaf deaf2");
  }

  @Test
  void explainLastSaysTheEnginesStepsInChinese() {
    t.run("docker run -d --name zhdeaf busybox sh -c 'while true; do sleep 0.1; done'");
    String out = t.runIn("zh", "docker stop -t 1 zhdeaf; explain last").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("[zhdeaf] 向 PID 1 发送 SIGTERM（runc kill）"), out);
    assertTrue(out.contains("[zhdeaf] 向 PID 1 发送 SIGKILL（runc kill）"), out);
    assertTrue(out.contains("退出码 137"), out);
    for (String english : List.of("to PID 1", "exit code", "released", "removed veth")) {
      assertTrue(!out.contains(english), english + " in " + out);
    }
    t.run("docker rm zhdeaf");
  }

  @Test
  void badInputInDockersWords() {
    assertEquals("docker: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', "
        + "'on-failure', or 'unless-stopped'.\nSee 'docker run --help'.\n",
        t.run("docker run --restart sometimes busybox true").err());
    t.run("docker run -d --name k1 busybox sleep 30");
    assertEquals("Error response from daemon: invalid signal: SIGFOO\n", t.run("docker kill -s SIGFOO k1").err());
    Transcript.Result rename = t.run("docker run --name k2 busybox true; docker rename k2 k1");
    assertTrue(rename.err().contains("Conflict. The container name \"/k1\" is already in use"), rename.err());
    assertEquals("Error response from daemon: No such container: nosuch\n", t.run("docker stop nosuch").err());
    Transcript.Result exec = t.run("docker exec k2 true");
    assertTrue(exec.err().matches("Error response from daemon: Container [0-9a-f]{64} is not running\n"), exec.err());
    assertEquals("the input device is not a TTY\n", t.run("docker run -it busybox sh").err());
    assertTrue(t.run("docker inspect nosuch").err().contains("Error: No such object: nosuch"));
    t.run("docker rm -f k1 k2");
  }

  @Test
  void execAndInspectAndPsFormats() {
    t.run("docker run -d --name web busybox sh -c 'echo hello > /index.html; sleep 60'");
    Transcript.Result exec = t.run("docker exec web cat /index.html");
    assertEquals("hello\n", exec.out(), exec.err());
    assertEquals(3, t.run("docker exec web sh -c 'exit 3'").status());
    String json = t.run("docker inspect web").out();
    assertTrue(json.startsWith("[\n    {\n        \"Id\": \""), json);
    assertTrue(json.contains("\"Name\": \"/web\""), json);
    assertTrue(json.contains("\"GraphDriver\": {\n            \"Data\": {\n                \"LowerDir\": "), json);
    assertEquals("web busybox\n", t.run("docker ps --format '{{.Names}} {{.Image}}' --filter name=^web$").out());
    assertTrue(t.run("docker ps --filter ancestor=busybox --format '{{.Names}}'").out().contains("web\n"));
    assertEquals("bad format of filter (expected name=value)\n",
        t.run("docker ps --filter nonsense").err().replace("Error response from daemon: ", ""));
    t.run("docker rm -f web");
  }

  @Test
  void hostCommandsRunInTheWorkspace() throws Exception {
    Path ws = Files.createTempDirectory("docklab-ws-");
    Transcript.Result r = t.run("cd " + ws + "; mkdir -p test; cd test; touch 1.txt; ls; pwd; echo hi | tr a-z A-Z");
    assertEquals("1.txt\n" + ws.resolve("test") + "\nHI\n", r.out(), r.err());
    assertEquals("3\n", t.run("docker images | grep busybox | wc -l").out(), "docker's output piped to the host");
    Transcript.Result saved = t.run("cd " + ws + "; docker save busybox > busybox.tar; tar tf busybox.tar | grep -c layer.tar");
    assertEquals("2\n", saved.out(), "binary output redirected to a file intact: " + saved.err());
    Trees.deleteRecursively(ws);
  }

  @Test
  void aSecondEngineOnTheSameDataRootIsToldHowToProceed() {
    try (Engine first = Engine.open(EngineOptions.at(t.root), EngineListener.NONE)) {
      Transcript.Result r = t.run("docker ps");
      assertEquals(1, r.status());
      assertTrue(r.err().contains("another docklab engine is using " + t.root
          + ": close the other docklab first, or use another data root (--data-root DIR)"), r.err());
    }
  }
}
