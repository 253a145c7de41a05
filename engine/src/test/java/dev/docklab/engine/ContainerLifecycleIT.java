package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.LogLine;
import dev.docklab.engine.api.RestartPolicy;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.storage.Mounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Detached containers, their monitor, and the records that stay true across engines. */
class ContainerLifecycleIT {
  @RegisterExtension
  final EngineFixture fx = new EngineFixture();



  private Container runDetached(String name, RestartPolicy restart, String... cmd) {
    RunRequest req = new RunRequest("busybox", name, List.of(cmd), List.of(), 0, 0, false, false, false, restart);
    Container c = fx.engine().containers().create(req, fx.engine().images().find("busybox"));
    return fx.engine().containers().start(c.id(), false).container();
  }

  private void reopen() {
    fx.engine().close();
    fx.reopen();
  }

  private static void sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }

  private List<String> logLines(String name) throws Exception {
    return fx.engine().containers().logs(name).lines().stream().map(LogLine::text).toList();
  }

  @Test
  void detachedContainerOutlivesTheEngineAndKeepsLogging() throws Exception {
    runDetached("clock", RestartPolicy.NO, "sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done");
    sleep(500);
    reopen();
    int before = logLines("clock").size();
    fx.engine().close();
    sleep(800); // no engine at all now
    fx.reopen();
    Container c = fx.engine().containers().inspect("clock");
    assertEquals("running", c.state().status().dockerName());
    assertTrue(Duration.between(Instant.parse(c.state().startedAt()), Instant.now()).toMillis() >= 1300);
    List<String> lines = logLines("clock");
    assertTrue(lines.size() >= before + 5, "lines written while no engine ran: " + before + " -> " + lines.size());
    assertEquals("tick 0", lines.get(0));
    assertEquals("tick " + (lines.size() - 1), lines.get(lines.size() - 1), "no line lost or repeated");
    Container stopped = fx.engine().containers().stop("clock", 1);
    assertEquals("exited", stopped.state().status().dockerName());
    assertEquals(137, stopped.state().exitCode(), "sh ignores SIGTERM as PID 1, so stop had to SIGKILL it");
    assertTrue(Mounts.under(fx.root()).isEmpty(), "a stopped container's root is unmounted");
  }

  @Test
  void anExitWhileNoEngineRunsIsRecordedWithItsCodeAndTime() throws Exception {
    runDetached("short", RestartPolicy.NO, "sh", "-c", "sleep 0.5; exit 3");
    fx.engine().close();
    sleep(1500);
    Instant reopened = Instant.now();
    fx.reopen();
    Container c = fx.engine().containers().inspect("short");
    assertEquals("exited", c.state().status().dockerName());
    assertEquals(3, c.state().exitCode());
    Instant finished = Instant.parse(c.state().finishedAt());
    assertTrue(finished.isBefore(reopened), "finish time is when it ended, not when the engine noticed: " + finished);
    assertTrue(Mounts.under(fx.root()).isEmpty());
  }

  @Test
  void startStopRestartPauseAndWait() throws Exception {
    runDetached("svc", RestartPolicy.NO, "sleep", "100");
    Container paused = fx.engine().containers().pause("svc");
    assertEquals("paused", paused.state().status().dockerName());
    assertThrows(EngineException.class, () -> fx.engine().containers().pause("svc"));
    fx.engine().containers().unpause("svc");
    assertTrue(fx.engine().containers().top("svc").contains("sleep 100"), fx.engine().containers().top("svc"));
    Container restarted = fx.engine().containers().restart("svc", 1);
    assertEquals("running", restarted.state().status().dockerName());
    fx.engine().containers().kill("svc", "SIGKILL");
    assertEquals(137, fx.engine().containers().wait("svc"));
    EngineException notRunning = assertThrows(EngineException.class,
        () -> fx.engine().containers().kill("svc", "KILL"));
    assertTrue(notRunning.getMessage().startsWith("Cannot kill container: svc: Container "), notRunning.getMessage());
    fx.engine().containers().start("svc", false);
    assertEquals("running", fx.engine().containers().inspect("svc").state().status().dockerName());
    fx.engine().containers().rename("svc", "service");
    assertEquals("running", fx.engine().containers().inspect("service").state().status().dockerName());
    assertThrows(EngineException.class, () -> fx.engine().containers().kill("service", "NOSUCHSIGNAL"));
  }

  @Test
  void onFailureRestartsUpToItsLimit() throws Exception {
    runDetached("flaky", RestartPolicy.parse("on-failure:2"), "sh", "-c", "exit 1");
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      Container c = fx.engine().containers().inspect("flaky");
      if (c.restartCount() == 2 && !c.state().running()) {
        break;
      }
      sleep(100);
    }
    Container c = fx.engine().containers().inspect("flaky");
    assertEquals(2, c.restartCount());
    assertEquals("exited", c.state().status().dockerName());
    assertEquals(1, c.state().exitCode());
  }

  @Test
  void badRestartPoliciesGetDockersWords() {
    assertEquals("invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', "
        + "or 'unless-stopped'", assertThrows(EngineException.class, () -> RestartPolicy.parse("sometimes")).getMessage());
    assertEquals("invalid restart policy: maximum retry count can only be used with 'on-failure'",
        assertThrows(EngineException.class, () -> RestartPolicy.parse("always:3")).getMessage());
  }

  @Test
  void execRunsInTheSameNamespaces() throws Exception {
    Container c = runDetached("box", RestartPolicy.NO, "sh", "-c", "echo inside > /tmp/mark; sleep 100");
    sleep(300);
    Process p = new ProcessBuilder(fx.engine().containers().execCommand("box",
        List.of("sh", "-c", "cat /tmp/mark; hostname; exit 4"),
        List.of(), false)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(4, p.waitFor());
    assertEquals("inside\n" + c.id().substring(0, 12) + "\n", out);
    fx.engine().containers().stop("box", 0);
    EngineException e = assertThrows(EngineException.class,
        () -> fx.engine().containers().execCommand("box", List.of("true"), List.of(), false));
    assertTrue(e.getMessage().endsWith(" is not running"), e.getMessage());
  }
}
