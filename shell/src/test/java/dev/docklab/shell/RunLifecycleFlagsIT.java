package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle flags of {@code docker run} (healthchecks, stop signal and timeout, log driver, volumes-from) and
 * the client's own ({@code --pull}, {@code --cidfile}, {@code --label-file}, {@code -e KEY}) on the real engine,
 * checked as a learner checks them. Probes run while a docklab holds the engine: here, while a line sleeps.
 */
class RunLifecycleFlagsIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-life-"));
    t.run("docker images -q"); // the base images are made on the first line: not in a test's output
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private static List<String> statuses(String out) {
    return out.lines().toList();
  }

  @Test
  void aFailingHealthCommandMakesItUnhealthyAfterItsRetriesAndAPassingOneHealthy() {
    Transcript.Result sick = t.run("docker run -d --name sick --health-cmd 'echo no; exit 1' --health-interval 1s "
        + "--health-retries 2 busybox sleep 120");
    assertEquals(0, sick.status(), sick.err());
    t.run("docker run -d --name fine --health-cmd 'test -e /etc/passwd' --health-interval 1s busybox sleep 120");
    Transcript.Result ps = t.run("docker ps --format '{{.Names}} {{.Status}}'; sleep 6; "
        + "docker ps --format '{{.Names}} {{.Status}}'");
    List<String> lines = statuses(ps.out());
    assertTrue(lines.get(0).matches("fine Up .* \\(health: starting\\)"), ps.out());
    assertTrue(lines.get(1).matches("sick Up .* \\(health: starting\\)"), ps.out());
    assertTrue(lines.get(2).matches("fine Up .* \\(healthy\\)"), ps.out());
    assertTrue(lines.get(3).matches("sick Up .* \\(unhealthy\\)"), ps.out());
    Transcript.Result health = t.run("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} "
        + "{{range .State.Health.Log}}{{.ExitCode}}:{{.Output}}{{end}} {{json .Config.Healthcheck}}' sick");
    assertTrue(health.out().matches("(?s)unhealthy [2-6] (1:no\n)+ \\{\"Test\":\\[\"CMD-SHELL\",\"echo no; exit 1\"\\],"
        + "\"Interval\":1000000000,\"Retries\":2\\}\n"), health.out() + health.err());
    t.run("docker rm -f sick fine");
  }

  @Test
  void stopSendsTheStopSignalAndWaitsTheStopTimeout() {
    t.run("docker run -d --name trapper --stop-signal USR1 busybox sh -c "
        + "'trap \"echo got-usr1; exit 3\" USR1; while true; do sleep 0.2; done'");
    assertEquals("trapper\n", t.run("docker stop trapper").out());
    Transcript.Result after = t.run("docker inspect -f '{{.State.ExitCode}} {{.Config.StopSignal}}' trapper; "
        + "docker logs trapper");
    assertEquals("3 USR1\ngot-usr1\n", after.out(), after.err());
    t.run("docker run -d --name stubborn --stop-timeout 1 busybox sh -c 'trap \"\" TERM; while true; do sleep 0.2; "
        + "done'");
    long t0 = System.nanoTime();
    t.run("docker stop stubborn");
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertTrue(seconds < 6, "stop waited " + seconds + " s, not the container's 1 s");
    assertEquals("137 1\n", t.run("docker inspect -f '{{.State.ExitCode}} {{.Config.StopTimeout}}' stubborn").out());
    t.run("docker rm -f trapper stubborn");
  }

  @Test
  void logDriverNoneKeepsNothingToRead() {
    t.run("docker run --name quiet-one --log-driver none busybox echo hi");
    Transcript.Result logs = t.run("docker logs quiet-one");
    assertEquals("Error response from daemon: configured logging driver does not support reading\n", logs.err());
    assertEquals("none\n", t.run("docker inspect -f '{{.HostConfig.LogConfig.Type}}' quiet-one").out());
    t.run("docker rm quiet-one");
  }

  @Test
  void logMaxSizeBoundsTheLog() {
    Transcript.Result run = t.run("docker run --name chatty --log-opt max-size=2k busybox sh -c "
        + "'i=0; while [ $i -lt 300 ]; do i=$((i+1)); echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done'");
    assertEquals(300, run.out().lines().count(), "the foreground run shows every line");
    List<String> kept = t.run("docker logs chatty").out().lines().toList();
    assertTrue(kept.size() < 100, kept.size() + " lines kept");
    assertEquals("line-300-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", kept.get(kept.size() - 1));
    assertEquals("{\"max-size\":\"2k\"}\n", t.run("docker inspect -f '{{json .HostConfig.LogConfig.Config}}' chatty")
        .out());
    t.run("docker rm chatty");
  }

  @Test
  void pullAlwaysPullsAnImageThatIsHere() {
    Transcript.Result pulled = t.run("docker run --rm --pull always busybox echo fresh");
    assertEquals("fresh\n", pulled.out(), pulled.err());
    assertTrue(pulled.err().contains("latest: Pulling from library/busybox\n"), pulled.err());
    assertTrue(pulled.err().contains("Status: Image is up to date for busybox:latest"), pulled.err());
    Transcript.Result quiet = t.run("docker run --rm -q --pull always busybox echo fresh");
    assertEquals("", quiet.err());
  }

  @Test
  void volumesFromMountsTheOtherContainersVolumesAtTheSamePlaces() {
    t.run("docker run --name keeper -v /data busybox sh -c 'echo kept > /data/f'");
    Transcript.Result read = t.run("docker run --rm --volumes-from keeper busybox cat /data/f");
    assertEquals("kept\n", read.out(), read.err());
    Transcript.Result ro = t.run("docker run --rm --volumes-from keeper:ro busybox sh -c 'echo x > /data/g'");
    assertTrue(ro.err().contains("Read-only file system"), ro.err());
    t.run("docker rm -v keeper");
  }

  @Test
  void clientFlagsPullPolicyCidfileLabelFileAndBareEnv() throws Exception {
    Transcript.Result never = t.run("docker run --rm --pull never nosuchimage:1 true");
    assertEquals("docker: Error response from daemon: No such image: nosuchimage:1.\nSee 'docker run --help'.\n",
        never.err());
    Transcript.Result arm = t.run("docker run --rm --platform linux/arm64 busybox true");
    assertTrue(arm.err().startsWith("docker: Error response from daemon: image with reference busybox was found but "
        + "does not match the specified platform: wanted linux/arm64, actual: linux/amd64"), arm.err());
    assertEquals("ok\n", t.run("docker run --rm --platform linux/amd64 busybox echo ok").out());
    Path cid = t.root.resolveSibling(t.root.getFileName() + ".cid");
    Path labels = t.root.resolveSibling(t.root.getFileName() + ".labels");
    try {
      Files.writeString(labels, "# labels\nteam=blue\n");
      Transcript.Result made = t.run("docker create --name labelled --cidfile " + cid + " --label-file " + labels
          + " busybox true");
      assertEquals(Files.readString(cid), made.out().strip());
      assertEquals("blue\n", t.run("docker inspect -f '{{index .Config.Labels \"team\"}}' labelled").out());
      Transcript.Result again = t.run("docker create --cidfile " + cid + " busybox true");
      assertEquals("docker: container ID file found, make sure the other container isn't running or delete " + cid
          + ".\nSee 'docker create --help'.\n", again.err());
    } finally {
      Files.deleteIfExists(cid);
      Files.deleteIfExists(labels);
      t.run("docker rm labelled");
    }
    Transcript.Result env = t.run("docker run --rm -e PATH -e NOT_SET_ANYWHERE_42 busybox sh -c "
        + "'echo ${PATH:+has-path} ${NOT_SET_ANYWHERE_42-unset}'");
    assertEquals("has-path unset\n", env.out(), env.err());
    Transcript.Result gpus = t.run("docker run --rm --gpus all busybox true");
    assertEquals("docker: Error response from daemon: could not select device driver \"\" with capabilities: "
        + "[[gpu]].\nSee 'docker run --help'.\n", gpus.err());
  }
}
