package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seccomp profile and --security-opt as a learner meets them, on the real engine ({@code HardeningIT}: --privileged). */
class SecurityIT {
  static Transcript t;
  static Path profile;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-shell-"));
    profile = Files.createTempFile("docklab-nomkdir-", ".json");
    Files.writeString(profile, """
        {"defaultAction": "SCMP_ACT_ALLOW",
         "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}
        """);
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    Files.deleteIfExists(profile);
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void theTutorialsUnshareLineIsRefusedAsDockerRefusesIt() {
    Transcript.Result r = t.run("docker run --rm busybox unshare -U -r -m sh -c "
        + "'mount -t tmpfs none /tmp && echo MOUNTED'");
    assertEquals("", r.out());
    assertTrue(r.err().contains("Operation not permitted"), r.err());
    assertEquals("Seccomp:\t2\n", t.run("docker run --rm busybox grep Seccomp: /proc/self/status").out());
    assertEquals("Seccomp:\t0\n", t.run("docker run --rm --security-opt seccomp=unconfined busybox "
        + "grep Seccomp: /proc/self/status").out());
  }

  @Test
  void aProfileFileIsAppliedAndInspectShowsIt() {
    Transcript.Result r = t.run("docker run --name nomkdir --security-opt seccomp=" + profile
        + " --security-opt no-new-privileges busybox mkdir /made");
    assertEquals(1, r.status(), r.err());
    assertEquals("mkdir: can't create directory '/made': Operation not permitted\n", r.err());
    String opts = t.run("docker inspect -f '{{json .HostConfig.SecurityOpt}}' nomkdir").out();
    assertTrue(opts.startsWith("[\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\""), opts);
    assertTrue(opts.strip().endsWith(",\"no-new-privileges\"]"), opts);
    t.run("docker rm nomkdir");
  }

  @Test
  void infoAndExplainBootNameTheProfile() {
    String info = t.run("docker info").out();
    assertTrue(info.contains(" Security Options:\n  seccomp\n   Profile: /usr/share/containers/seccomp.json\n"), info);
    String boot = t.run("explain boot").out();
    assertTrue(boot.contains("  seccomp: PID 1 runs under a filter with rules for "), boot);
    assertTrue(boot.contains("    profile: /usr/share/containers/seccomp.json\n"), boot);
    if (!Files.isDirectory(Path.of("/sys/kernel/security/apparmor"))) {
      assertTrue(boot.contains("  AppArmor: not available on this host"), boot);
      assertTrue(!info.contains("  apparmor\n"), info);
    }
  }
}
