package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.runtime.Capabilities;
import dev.docklab.engine.storage.Mounts;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security and root flags of {@code docker run} on the real engine, checked inside the container as a
 * learner checks them: CapEff, a read-only root, tmpfs and /dev/shm mounts, ulimits, sysctls, devices, groups
 * and {@code --privileged}.
 */
class HardeningIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-hardening-"));
    t.run("docker images -q"); // the base images are made on the first line: not in a test's output
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  private static String out(String line) {
    Transcript.Result r = t.run(line);
    assertEquals(0, r.status(), line + ": " + r.err());
    return r.out();
  }

  @Test
  void capabilitiesAreDockersDefaultsLessDropsPlusAdds() {
    assertEquals("CapEff:\t00000000a80425fb\n", out("docker run --rm busybox grep CapEff /proc/self/status"));
    assertEquals("CapEff:\t00000000a80435fb\n",
        out("docker run --rm --cap-add net_admin busybox grep CapEff /proc/self/status"));
    assertEquals("CapEff:\t0000000000000000\n",
        out("docker run --rm --cap-drop ALL busybox grep CapEff /proc/self/status"));
    Transcript.Result chown = t.run("docker run --rm --cap-drop CAP_CHOWN busybox chown nobody /tmp");
    assertEquals("chown: /tmp: Operation not permitted\n", chown.err());
    Transcript.Result unknown = t.run("docker run --rm --cap-add FLY busybox true");
    assertEquals("docker: Error response from daemon: invalid CapAdd: unknown capability: \"CAP_FLY\".\n"
        + "See 'docker run --help'.\n", unknown.err());
    assertEquals(125, unknown.status());
  }

  @Test
  void aReadOnlyRootRefusesWritesButDevShmAndTmpfsTakeThem() {
    Transcript.Result touch = t.run("docker run --rm --read-only busybox touch /x");
    assertEquals(1, touch.status());
    assertEquals("touch: /x: Read-only file system\n", touch.err());
    assertEquals("ok\n", out("docker run --rm --read-only --tmpfs /tmp busybox sh -c "
        + "'touch /dev/shm/x /tmp/x && echo ok'"));
    assertEquals("tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1024k)\n",
        out("docker run --rm --tmpfs /tmp:size=1m busybox sh -c 'mount | grep \" /tmp \"'"));
    assertEquals("tmpfs on /cache type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1024k)\n",
        out("docker run --rm --mount type=tmpfs,dst=/cache,tmpfs-size=1m busybox sh -c 'mount | grep \" /cache \"'"),
        "--mount type=tmpfs is the same mount as --tmpfs");
    String df = out("docker run --rm --shm-size 128m busybox df -k /dev/shm");
    assertTrue(df.lines().skip(1).findFirst().orElse("").matches("shm\\s+131072\\s.*"), df);
  }

  @Test
  void ulimitsAndSysctlsAreTheProcesss() {
    assertEquals("1024\n2048\n", out("docker run --rm --ulimit nofile=1024:2048 busybox sh -c 'ulimit -n; ulimit -Hn'"));
    assertEquals("1234\n", out("docker run --rm --sysctl net.core.somaxconn=1234 busybox cat /proc/sys/net/core/somaxconn"));
    Transcript.Result host = t.run("docker run --rm --network host --sysctl net.core.somaxconn=1234 busybox true");
    assertTrue(host.err().contains("not allowed in host network namespace"), host.err());
    Transcript.Result kernel = t.run("docker run --rm --sysctl kernel.hostname=x busybox true");
    assertEquals("invalid argument \"kernel.hostname=x\" for \"--sysctl\" flag: sysctl 'kernel.hostname=x' is not "
        + "allowed\nSee 'docker run --help'.\n", kernel.err());
  }

  @Test
  void devicesAreMadeInDevAndTheCgroupLetsThemBeUsed() {
    String zero = out("docker run --rm --device /dev/zero:/dev/myzero busybox sh -c "
        + "'ls -l /dev/myzero; head -c 3 /dev/myzero | od -An -tx1'");
    assertTrue(zero.startsWith("crw-rw-rw-    1 root     root        1,   5 "), zero);
    assertTrue(zero.endsWith(" 00 00 00\n"), zero);
    Transcript.Result readOnly = t.run("docker run --rm --device /dev/fuse:/dev/myfuse:r busybox sh -c "
        + "'exec 3</dev/myfuse && echo read; exec 4>/dev/myfuse && echo written'");
    assertEquals("read\n", readOnly.out(), "r lets it open the device for reading, not writing");
    assertTrue(readOnly.err().contains("Operation not permitted"), readOnly.err());
    String open = "busybox sh -c 'mknod /tmp/fuse c 10 229 && exec 3</tmp/fuse && echo opened'";
    assertEquals("opened\n", out("docker run --rm --device-cgroup-rule 'c 10:229 r' " + open));
    assertTrue(t.run("docker run --rm " + open).err().contains("Operation not permitted"));
    Transcript.Result missing = t.run("docker run --rm --device /dev/nope busybox true");
    assertTrue(missing.err().startsWith("docker: Error response from daemon: error gathering device information while "
        + "adding custom device \"/dev/nope\": no such file or directory"), missing.err());
  }

  @Test
  void groupsAreTheUsersInEtcGroupThenGroupAdd() {
    assertEquals("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n", out("docker run --rm busybox id"));
    assertEquals("uid=0(root) gid=0(root) groups=0(root),10(wheel),12(mail),1234\n",
        out("docker run --rm --group-add mail --group-add 1234 busybox id"));
    assertEquals("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", out("docker run --rm -u nobody busybox id"));
    Transcript.Result unknown = t.run("docker run --rm --group-add nosuch busybox id");
    assertTrue(unknown.err().contains("Unable to find group nosuch: no matching entries in group file"), unknown.err());
  }

  @Test
  void privilegedHasEveryCapabilityTheHostsDevicesAndNoSeccomp() {
    Transcript.Result r = t.run("docker run --rm --privileged busybox sh -c "
        + "'grep -E \"CapEff|Seccomp:\" /proc/self/status; ls /dev/loop0; grep \" /sys \" /proc/mounts'");
    assertEquals(0, r.status(), r.err());
    BigInteger all = BigInteger.ZERO;
    List<String> kernel = Capabilities.kernel();
    for (String c : Capabilities.all()) {
      all = all.setBit(kernel.indexOf(c));
    }
    List<String> lines = r.out().lines().toList();
    assertEquals("CapEff:\t" + String.format("%016x", all), lines.get(0));
    assertEquals("Seccomp:\t0", lines.get(1));
    if (Files.exists(Path.of("/dev/loop0"))) {
      assertEquals("/dev/loop0", lines.get(2));
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("sysfs /sys sysfs rw,"), r.out());
    List<String> warning = r.err().lines().toList();
    assertTrue(warning.stream().allMatch(l -> l.length() <= 80), "wrapped to the terminal: " + r.err());
    assertEquals("WARNING: --privileged: this container has every capability and all of the host's devices, with no "
        + "seccomp filter: root in it is root on this machine", String.join(" ", warning.stream().map(String::strip)
        .toList()));
    Transcript.Result zh = t.runIn("zh", "docker create --privileged busybox");
    assertTrue(zh.err().startsWith("警告：--privileged："), zh.err());
    String id = zh.out().strip();
    assertEquals("true [label=disable] <nil>\n",
        out("docker inspect -f '{{.HostConfig.Privileged}} {{.HostConfig.SecurityOpt}} {{.HostConfig.MaskedPaths}}' "
            + id));
    t.run("docker rm " + id);
  }

  @Test
  void inspectShowsWhatTheRunAsked() {
    out("docker create --name hardened --cap-add net_admin --read-only --shm-size 1m --ulimit nofile=100:200 "
        + "--tmpfs /run --userns host busybox");
    assertEquals("[CAP_NET_ADMIN] true 1048576 map[/run:] host [{\"Name\":\"nofile\",\"Hard\":200,\"Soft\":100}]\n",
        out("docker inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.ShmSize}} "
        + "{{.HostConfig.Tmpfs}} {{.HostConfig.UsernsMode}} {{json .HostConfig.Ulimits}}' hardened"));
    t.run("docker rm hardened");
    Transcript.Result storage = t.run("docker run --rm --storage-opt size=1G busybox true");
    assertEquals("docker: Error response from daemon: --storage-opt is supported only for overlay over xfs with "
        + "'pquota' mount option.\nSee 'docker run --help'.\n", storage.err());
    assertEquals("docker: --userns: invalid USER mode.\nSee 'docker run --help'.\n",
        t.run("docker run --rm --userns private busybox true").err());
  }
}
