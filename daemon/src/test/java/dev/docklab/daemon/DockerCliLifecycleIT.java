package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real docker CLI's {@code run} with the lifecycle flags against docklab's daemon: the same container as the
 * REPL's run (a healthcheck that runs, its events, the stop signal and timeout, the log driver, volumes-from) and
 * Docker's answers for what the daemon lacks.
 */
class DockerCliLifecycleIT {
  static DaemonFixture f;
  static DockerCli docker;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DockerCli.BINARY), "the docker CLI is at " + DockerCli.BINARY);
    f = DaemonFixture.start();
    docker = f.docker;
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void aFailingHealthcheckMakesItUnhealthyWithAnEventAndAPassingOneHealthy() throws Exception {
    Process events = new ProcessBuilder(docker.command("events", "--format", "{{.Action}} {{.Actor.Attributes.name}}"))
        .redirectErrorStream(true).start();
    try {
      CompletableFuture<String> unhealthy = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(events.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.equals("health_status: unhealthy hc")) {
              return line;
            }
          }
          return "no event";
        } catch (Exception e) {
          return e.toString();
        }
      });
      DockerCli.Result run = docker.run("run", "-d", "--name", "hc", "--health-cmd", "exit 1", "--health-interval",
          "1s", "--health-retries", "1", "busybox", "sleep", "120");
      assertEquals(0, run.status(), run.err());
      docker.run("run", "-d", "--name", "ok", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep",
          "120");
      assertEquals("health_status: unhealthy hc", unhealthy.get(20, TimeUnit.SECONDS));
      String status = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (System.nanoTime() < deadline && !status.contains("(healthy)")) {
        status = docker.run("ps", "--filter", "name=ok", "--format", "{{.Status}}").out();
        Thread.sleep(200);
      }
      assertTrue(status.matches("Up .* \\(healthy\\)\n"), status);
      assertTrue(docker.run("ps", "--filter", "name=hc", "--format", "{{.Status}}").out().contains("(unhealthy)"));
      DockerCli.Result inspect = docker.run("inspect", "-f", "{{.State.Health.Status}} {{json .Config.Healthcheck}}",
          "hc");
      assertEquals("unhealthy {\"Test\":[\"CMD-SHELL\",\"exit 1\"],\"Interval\":1000000000,\"Retries\":1}\n",
          inspect.out(), inspect.err());
    } finally {
      events.destroy();
      docker.run("rm", "-f", "hc", "ok");
    }
  }

  @Test
  void stopUsesTheContainersStopSignalAndTimeout() throws Exception {
    docker.run("run", "-d", "--name", "trapper", "--stop-signal", "SIGUSR1", "--stop-timeout", "2", "busybox", "sh",
        "-c", "trap 'echo got-usr1; exit 3' USR1; while true; do sleep 0.2; done");
    assertEquals(0, docker.run("stop", "trapper").status());
    DockerCli.Result r = docker.run("inspect", "-f", "{{.State.ExitCode}} {{.Config.StopSignal}} "
        + "{{.Config.StopTimeout}}", "trapper");
    assertEquals("3 SIGUSR1 2\n", r.out(), r.err());
    assertEquals("got-usr1\n", docker.run("logs", "trapper").out());
    docker.run("rm", "trapper");
  }

  @Test
  void logDriverNoneAndVolumesFromAsTheRepl() throws Exception {
    docker.run("run", "--name", "silent", "--log-driver", "none", "busybox", "echo", "hi");
    DockerCli.Result logs = docker.run("logs", "silent");
    assertEquals("Error response from daemon: configured logging driver does not support reading\n", logs.err());
    docker.run("run", "--name", "keeper", "-v", "/data", "busybox", "sh", "-c", "echo kept > /data/f");
    DockerCli.Result read = docker.run("run", "--rm", "--volumes-from", "keeper:ro", "busybox", "cat", "/data/f");
    assertEquals("kept\n", read.out(), read.err());
    docker.run("rm", "-v", "silent", "keeper");
  }

  @Test
  void whatTheDaemonLacksGetsDockersAnswer() throws Exception {
    DockerCli.Result gpus = docker.run("run", "--rm", "--gpus", "all", "busybox", "true");
    assertTrue(gpus.err().startsWith("docker: Error response from daemon: could not select device driver \"\" with "
        + "capabilities: [[gpu]]"), gpus.err());
    DockerCli.Result isolation = docker.run("run", "--rm", "--isolation", "hyperv", "busybox", "true");
    assertTrue(isolation.err().contains("Invalid isolation: \"hyperv\" - linux only supports 'default'"),
        isolation.err());
    DockerCli.Result runtime = docker.run("run", "--rm", "--runtime", "kata", "busybox", "true");
    assertTrue(runtime.err().contains("unknown or invalid runtime name: kata"), runtime.err());
  }
}
