package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real docker CLI's security and root flags against docklab's daemon: the container it makes is the one the
 * REPL's run makes, checked inside it, and inspect shows what was asked.
 */
class DockerCliHardeningIT {
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

  private static String out(String... args) throws Exception {
    DockerCli.Result r = docker.run(args);
    assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
    return r.out();
  }

  @Test
  void capabilitiesAndPrivileged() throws Exception {
    assertEquals("CapEff:\t0000000000000400\n", out("run", "--rm", "--cap-drop", "ALL", "--cap-add",
        "NET_BIND_SERVICE", "busybox", "grep", "CapEff", "/proc/self/status"));
    String privileged = out("run", "--rm", "--privileged", "busybox", "grep", "-E", "CapEff|Seccomp:",
        "/proc/self/status");
    assertTrue(privileged.startsWith("CapEff:\t000001"), privileged);
    assertTrue(privileged.endsWith("Seccomp:\t0\n"), privileged);
    DockerCli.Result unknown = docker.run("run", "--rm", "--cap-add", "FLY", "busybox", "true");
    assertTrue(unknown.err().contains("invalid CapAdd: unknown capability: \"CAP_FLY\""), unknown.err());
  }

  @Test
  void theRootAndItsMounts() throws Exception {
    DockerCli.Result r = docker.run("run", "--rm", "--read-only", "--tmpfs", "/tmp:size=1m", "--shm-size", "128m",
        "busybox", "sh", "-c", "touch /x; mount | grep ' /tmp '; df -k /dev/shm | tail -1");
    assertEquals("touch: /x: Read-only file system\n", r.err());
    assertTrue(r.out().startsWith("tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1024k)\n"
        + "shm "), r.out());
    assertTrue(r.out().matches("(?s).*\nshm\\s+131072\\s.*"), r.out());
    assertEquals("tmpfs on /cache type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1024k)\n", out("run", "--rm",
        "--mount", "type=tmpfs,dst=/cache,tmpfs-size=1m", "busybox", "sh", "-c", "mount | grep ' /cache '"),
        "the CLI sends --mount type=tmpfs as a tmpfs mount");
    String count = "grep -c ' /proc/keys ' /proc/mounts; true";
    assertEquals("1\n", out("run", "--rm", "busybox", "sh", "-c", count), "Docker masks /proc/keys");
    assertEquals("0\n", out("run", "--rm", "--security-opt", "systempaths=unconfined", "busybox", "sh", "-c", count),
        "systempaths=unconfined masks nothing");
  }

  @Test
  void ulimitsSysctlsDevicesAndGroups() throws Exception {
    assertEquals("1024\n", out("run", "--rm", "--ulimit", "nofile=1024:2048", "busybox", "sh", "-c", "ulimit -n"));
    assertEquals("1234\n", out("run", "--rm", "--sysctl", "net.core.somaxconn=1234", "busybox", "cat",
        "/proc/sys/net/core/somaxconn"));
    assertTrue(out("run", "--rm", "--device", "/dev/zero:/dev/myzero", "busybox", "ls", "-l", "/dev/myzero")
        .startsWith("crw-rw-rw-    1 root     root        1,   5 "));
    assertEquals("uid=0(root) gid=0(root) groups=0(root),10(wheel),12(mail)\n",
        out("run", "--rm", "--group-add", "mail", "busybox", "id"));
  }

  @Test
  void inspectShowsTheHostConfigDockerShows() throws Exception {
    out("create", "--name", "hardened", "--cap-add", "net_admin", "--read-only", "--ulimit", "nofile=100:200",
        "--sysctl", "net.core.somaxconn=1234", "--device", "/dev/zero:/dev/myzero", "busybox");
    assertEquals("[CAP_NET_ADMIN] true false 67108864 map[net.core.somaxconn:1234] "
        + "[{\"PathOnHost\":\"/dev/zero\",\"PathInContainer\":\"/dev/myzero\",\"CgroupPermissions\":\"rwm\"}]\n",
        out("inspect", "-f", "{{.HostConfig.CapAdd}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}} "
            + "{{.HostConfig.ShmSize}} {{.HostConfig.Sysctls}} {{json .HostConfig.Devices}}", "hardened"));
    out("rm", "hardened");
  }
}
