package dev.docklab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.api.BootFacts;
import dev.docklab.engine.api.Container;
import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.api.RunRequest;
import dev.docklab.engine.api.RunResult;
import dev.docklab.engine.runtime.AppArmor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real containers under the default seccomp profile and under {@code --security-opt}, checked from inside
 * through {@code /proc/self/status} and by the system calls the kernel refuses.
 */
class SeccompIT {
  private static final String MOUNT_IN_A_USER_NAMESPACE =
      "unshare -U -r -m sh -c 'mount -t tmpfs none /tmp && echo MOUNTED'";
  /** A profile of the learner's: everything allowed but making directories. */
  private static final String NO_MKDIR = """
      {"defaultAction": "SCMP_ACT_ALLOW",
       "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}""";
  @RegisterExtension
  static final EngineFixture fx = new EngineFixture();



  private static TestEngines.Output run(RunRequest req) {
    TestEngines.Output out = new TestEngines.Output();
    RunResult r = fx.engine().containers().run(req, out);
    out.err.writeBytes(("\nexit " + r.exitCode()).getBytes());
    return out;
  }

  private static RunRequest sh(String script, String... securityOpt) {
    return new RunRequest("busybox", null, List.of("sh", "-c", script), List.of(), 0, 0, true)
        .withSecurityOpt(List.of(securityOpt));
  }

  @Test
  void aDefaultContainerRunsUnderASeccompFilter() {
    TestEngines.Output out = run(RunRequest.of("busybox", "grep", "Seccomp:", "/proc/self/status"));
    assertEquals("Seccomp:\t2", out.stdout().strip(), out.stderr());
  }

  @Test
  void aNewUserNamespaceCannotMountAsDockersProfileRefuses() {
    TestEngines.Output out = run(RunRequest.of("busybox", "unshare", "-U", "-r", "-m", "sh", "-c",
        "mount -t tmpfs none /tmp && echo MOUNTED"));
    assertFalse(out.stdout().contains("MOUNTED"), out.stdout());
    assertTrue(out.stderr().contains("Operation not permitted"), out.stderr());
    assertNotEquals("exit 0", out.stderr().strip());
  }

  @Test
  void unconfinedRunsWithoutAFilter() {
    TestEngines.Output out = run(sh("grep Seccomp: /proc/self/status; " + MOUNT_IN_A_USER_NAMESPACE,
        "seccomp=unconfined"));
    assertEquals("Seccomp:\t0\nMOUNTED\n", out.stdout(), out.stderr());
  }

  @Test
  void aProfileOfTheLearnersIsApplied() {
    TestEngines.Output out = run(sh("grep Seccomp: /proc/self/status; mkdir /made || echo REFUSED",
        "seccomp=" + NO_MKDIR));
    assertEquals("Seccomp:\t2\nREFUSED\n", out.stdout(), out.stderr());
    assertTrue(out.stderr().contains("Operation not permitted"), out.stderr());
  }

  @Test
  void noNewPrivilegesSetsTheBit() {
    assertEquals("NoNewPrivs:\t0", run(sh("grep NoNewPrivs: /proc/self/status")).stdout().strip());
    assertEquals("NoNewPrivs:\t1", run(sh("grep NoNewPrivs: /proc/self/status", "no-new-privileges")).stdout().strip());
  }

  @Test
  void theTutorialsCommandsStillWork() {
    TestEngines.Output out = run(sh("ping -c 1 -W 2 127.0.0.1 >/dev/null && echo PING; "
        + "mkdir -p /www && echo page > /www/index.html && httpd -p 8080 -h /www && "
        + "wget -q -O - http://127.0.0.1:8080/index.html; "
        + "(sleep 0.1 & wait) && echo FORKED; ps | grep -q '[h]ttpd -p' && echo PS; date +%Y | grep -q 20 && echo DATE; "
        + "chown 1:1 /www/index.html && chmod 600 /www/index.html && echo OWNED; "
        + "su -s /bin/sh nobody -c id | grep -q nobody && echo SU"));
    assertEquals("PING\npage\nFORKED\nPS\nDATE\nOWNED\nSU\n", out.stdout(), out.stderr());
  }

  @Test
  void inspectKeepsTheOptionsAndExplainBootShowsTheFilter() {
    Container c = fx.engine().containers().create(
        new RunRequest("busybox", "confined", List.of("sleep", "30"), List.of(),
        0, 0, false).withSecurityOpt(List.of("no-new-privileges")), fx.engine().images().find("busybox"));
    assertEquals(List.of("no-new-privileges"), fx.engine().containers().inspect(c.id()).hostConfig().securityOpt());
    fx.engine().containers().start(c.id(), false);
    try {
      BootFacts facts = fx.engine().explain().boot("confined");
      assertEquals(2, facts.confinement().seccompMode(), facts.toString());
      assertTrue(facts.confinement().syscalls() > 300, facts.toString());
      assertEquals("SCMP_ACT_ERRNO", facts.confinement().defaultAction());
      assertEquals("/usr/share/containers/seccomp.json", facts.confinement().profile());
      assertEquals(AppArmor.probe().available(), facts.confinement().appArmorAvailable());
      if (!AppArmor.probe().available()) {
        assertNull(facts.confinement().appArmorProfile());
      }
    } finally {
      fx.engine().containers().remove(c.id(), true, false);
    }
  }

  @Test
  void badOptionsAreRefusedInDockersWords() {
    var busybox = fx.engine().images().find("busybox");
    EngineException key = assertThrows(EngineException.class, () -> fx.engine().containers().create(
        RunRequest.of("busybox", "true").withSecurityOpt(List.of("seccom=unconfined")), busybox));
    assertEquals("invalid --security-opt 2: \"seccom=unconfined\"", key.getMessage());
    EngineException json = assertThrows(EngineException.class, () -> fx.engine().containers().create(
        RunRequest.of("busybox", "true").withSecurityOpt(List.of("seccomp={\"defaultAction\": 3")), busybox));
    assertTrue(json.getMessage().startsWith("Decoding seccomp profile failed: "), json.getMessage());
    assertEquals(1, json.getMessage().lines().count());
  }
}
