package dev.docklab.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.Lifecycle;
import dev.docklab.shell.cli.Args;
import dev.docklab.shell.cli.FlagParser;
import dev.docklab.shell.cli.UsageException;
import dev.docklab.shell.i18n.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code docker run}'s healthcheck, stop and log flags, read with Docker's syntax and refused in its words. */
class LifecycleFlagsTest {
  private static Args args(String... argv) {
    return FlagParser.parse("docker run", ContainerCommands.run().options(), false, List.of(argv));
  }

  private static Lifecycle read(String... argv) {
    return LifecycleFlags.read(args(argv), null);
  }

  @Test
  void healthFlagsBecomeDockersHealthConfig() {
    Lifecycle l = read("--health-cmd", "wget -q localhost || exit 1", "--health-interval", "2s",
        "--health-timeout=500ms", "--health-retries", "2", "--health-start-period", "1m", "--health-start-interval",
        "1s", "busybox");
    assertEquals(new Lifecycle.Healthcheck(List.of("CMD-SHELL", "wget -q localhost || exit 1"), 2_000_000_000L,
        500_000_000L, 60_000_000_000L, 1_000_000_000L, 2), l.healthcheck());
    assertNull(read("busybox").healthcheck());
    assertEquals(Lifecycle.Healthcheck.NONE, read("--no-healthcheck", "busybox").healthcheck());
  }

  @Test
  void badHealthFlagsGetTheDockerClientsErrors() {
    assertEquals("--no-healthcheck conflicts with --health-* options", assertThrows(EngineException.class,
        () -> read("--no-healthcheck", "--health-cmd", "true", "busybox")).getMessage());
    assertEquals("--health-interval cannot be negative", assertThrows(EngineException.class,
        () -> read("--health-interval", "-1s", "busybox")).getMessage());
    UsageException soon = assertThrows(UsageException.class, () -> read("--health-interval", "soon", "busybox"));
    assertEquals("invalid argument \"soon\" for \"--health-interval\" flag: time: invalid duration \"soon\"",
        soon.getMessage());
    assertEquals("docker run", soon.command(), "See 'docker run --help'.");
  }

  @Test
  void stopAndLogFlags() {
    Lifecycle l = read("--stop-signal", "SIGUSR1", "--stop-timeout", "3", "--log-driver", "json-file", "--log-opt",
        "max-size=10k", "--log-opt", "max-file=2", "--volumes-from", "web:ro", "busybox");
    assertEquals("SIGUSR1", l.stopSignal());
    assertEquals(3, l.stopTimeout());
    assertEquals("json-file", l.logDriver());
    assertEquals(Map.of("max-size", "10k", "max-file", "2"), l.logOpts());
    assertEquals(List.of("web:ro"), l.volumesFrom());
    assertNull(read("busybox").stopTimeout());
    assertEquals("invalid logging opts for driver none", assertThrows(EngineException.class,
        () -> read("--log-driver", "none", "--log-opt", "max-size=1k", "busybox")).getMessage());
  }

  @Test
  void explainSaysWhatEachFlagDoesInBothLanguages() {
    String en = String.join("\n", ExplainDockerTest.explain("explain docker run --health-cmd 'wget -q localhost' "
        + "--health-interval 5s --stop-signal SIGQUIT --stop-timeout 3 --pull never --cidfile id.txt --log-driver none "
        + "--gpus all busybox", Messages.Lang.EN, 200));
    assertTrue(en.contains("  --health-cmd wget -q localhost\n      a command docker runs inside the container"), en);
    assertTrue(en.contains("  --health-interval 5s\n      how long between two health probes"), en);
    assertTrue(en.contains("  --stop-signal SIGQUIT\n      the signal docker stop sends first"), en);
    assertTrue(en.contains("  --stop-timeout 3\n      how many seconds docker stop waits"), en);
    assertTrue(en.contains("  --pull never\n      when to pull the image"), en);
    assertTrue(en.contains("  --gpus all\n      give the container GPUs"), en);
    String zh = String.join("\n", ExplainDockerTest.explain("explain docker run --health-retries 2 busybox",
        Messages.Lang.ZH, 200));
    assertTrue(zh.contains("  --health-retries 2\n      连续失败多少次后容器变成 unhealthy"), zh);
  }
}
