package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every container has a pids limit and a memory limit unless it asks for none (daemon.json's
 * {@code default-pids-limit} and {@code default-memory}), and one killed for memory says so.
 */
class ContainerLimitsIT {
  /** Prints the container's pids.max and memory limit, from the v1 controllers or the v2 files. */
  private static final String LIMITS = "cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max; "
      + "cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max";
  private static final long GIB = 1L << 30;
  @RegisterExtension
  static final EngineFixture fx = new EngineFixture();



  private static RunResult run(TestEngines.Output out, long memory, long pids, String script) {
    return fx.engine().containers().run(new RunRequest("busybox", null, List.of("sh", "-c", script), List.of(), memory,
        pids, false), out);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(String id, String key) {
    return (Map<String, Object>) fx.engine().containers().inspectDocument(id).get(key);
  }

  @Test
  void aContainerThatAsksForNoLimitGetsTheDefaultOnes() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, 0, 0, LIMITS);
    assertEquals("1024\n" + GIB + "\n", out.stdout(), out.stderr());
    Map<String, Object> host = part(r.container().id(), "HostConfig");
    assertEquals(1024L, ((Number) host.get("PidsLimit")).longValue());
    assertEquals(GIB, ((Number) host.get("Memory")).longValue());
  }

  @Test
  void processesSpawnedWithoutEndStopAtTheDefaultPidsLimit() {
    TestEngines.Output out = new TestEngines.Output();
    // 1,500 processes, as the probe spawned, from a subshell that ends at the first fork the kernel refuses;
    // then only builtins, which need no fork.
    RunResult r = run(out, 0, 0, "f=/sys/fs/cgroup/pids; [ -e $f/pids.max ] || f=/sys/fs/cgroup; "
        + "(i=0; while [ $i -lt 1500 ]; do sleep 30 & i=$((i+1)); done); "
        + "read max < $f/pids.max; read n < $f/pids.current; echo $max $n");
    String all = "stdout: " + out.stdout() + " stderr: " + out.stderr() + " exit " + r.exitCode();
    String[] maxAndCurrent = out.stdout().strip().split(" ");
    assertEquals("1024", maxAndCurrent[0], all);
    long current = Long.parseLong(maxAndCurrent[1]);
    assertTrue(current > 1000 && current <= 1024, all);
    assertTrue(out.stderr().contains("can't fork"), all);
    assertEquals(0, r.exitCode(), all);
  }

  @Test
  void aRunRaisesOrLiftsTheDefaults() {
    TestEngines.Output raised = new TestEngines.Output();
    run(raised, 2 * GIB, 2000, LIMITS);
    assertEquals("2000\n" + 2 * GIB + "\n", raised.stdout(), raised.stderr());
    TestEngines.Output none = new TestEngines.Output();
    RunResult r = run(none, -1, -1, LIMITS);
    List<String> lines = none.stdout().lines().toList();
    assertEquals("max", lines.get(0), none.stdout());
    assertTrue(lines.get(1).equals("max") || Long.parseLong(lines.get(1)) > 1L << 60, none.stdout());
    Map<String, Object> host = part(r.container().id(), "HostConfig");
    assertEquals(null, host.get("PidsLimit"), "Docker shows an unlimited pids limit as null");
    assertEquals(0L, ((Number) host.get("Memory")).longValue());
  }

  @Test
  void daemonJsonSetsTheDefaults() throws Exception {
    Path daemonJson = fx.root().resolve("daemon.json");
    Files.writeString(daemonJson, "{\"default-pids-limit\": 200, \"default-memory\": \"256m\"}\n");
    try {
      TestEngines.Output out = new TestEngines.Output();
      run(out, 0, 0, LIMITS);
      assertEquals("200\n" + (256L << 20) + "\n", out.stdout(), out.stderr());
    } finally {
      Files.delete(daemonJson);
    }
  }

  @Test
  void aContainerKilledForMemoryIsOomKilled() {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = run(out, 8L << 20, 0, "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
    assertEquals(137, r.exitCode(), out.stdout() + out.stderr());
    Map<String, Object> state = part(r.container().id(), "State");
    assertEquals("exited", state.get("Status"));
    assertEquals(137, ((Number) state.get("ExitCode")).intValue());
    assertEquals(true, state.get("OOMKilled"), state.toString());
    TestEngines.Output fine = new TestEngines.Output();
    RunResult ok = run(fine, 8L << 20, 0, "x=$(head -c 1m /dev/zero | tr '\\0' a); echo ${#x}");
    assertEquals("1048576\n", fine.stdout(), fine.stderr());
    assertEquals(false, part(ok.container().id(), "State").get("OOMKilled"));
  }
}
