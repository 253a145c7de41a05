package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The namespace, network-identity and init flags of {@code docker run} on the real engine, each checked inside
 * the container as a learner checks it: {@code ps}, {@code cat /dev/shm/...}, {@code hostname}, the /etc files,
 * {@code ping} by alias, {@code ip addr}.
 */
class NamespacesIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-ns-"));
    t.run("docker images -q"); // the base images are made on the first line: not in a test's output
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void initIsPid1ForwardsStopAndExplainBootNamesIt() {
    Transcript.Result ps = t.run("docker run --rm --init busybox ps -o pid,args");
    assertTrue(ps.out().contains("\n    1 /sbin/docker-init -- ps -o pid,args\n"), ps.out() + ps.err());
    t.run("docker run -d --init --name initd busybox sleep 300");
    long t0 = System.nanoTime();
    assertEquals("initd\n", t.run("docker stop initd").out());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // without an init, sleep as PID 1 ignores SIGTERM and stop waits its 10 s before SIGKILL
    assertTrue(ms < 5000, "stopped in " + ms + " ms");
    // tini passed SIGTERM on to sleep and exits as it did: 128 + 15
    assertEquals("143\n", t.run("docker inspect -f '{{.State.ExitCode}}' initd").out());
    assertEquals("true\n", t.run("docker inspect -f '{{.HostConfig.Init}}' initd").out());
    t.run("docker start initd");
    String boot = t.run("explain boot initd").out();
    assertTrue(boot.contains("PID 1 is docker-init (tini, from --init)"), boot);
    t.run("docker rm -f initd");
  }

  @Test
  void pidAndIpcJoinAnotherContainersNamespaces() {
    t.run("docker run -d --name donor --ipc shareable busybox sh -c 'echo shared > /dev/shm/note; exec sleep 300'");
    Transcript.Result ps = t.run("docker run --rm --pid container:donor busybox ps -o pid,args");
    assertTrue(ps.out().contains("\n    1 sleep 300\n"), ps.out() + ps.err());
    assertEquals("shared\n", t.run("docker run --rm --ipc container:donor busybox cat /dev/shm/note").out());
    String donorIpc = t.run("docker exec donor readlink /proc/1/ns/ipc").out();
    assertEquals(donorIpc, t.run("docker run --rm --ipc container:donor busybox readlink /proc/self/ns/ipc").out());
    t.run("docker run -d --name private busybox sleep 300");
    String id = t.run("docker inspect -f '{{.Id}}' private").out().strip();
    Transcript.Result refused = t.run("docker run --rm --ipc container:private busybox true");
    assertEquals("docker: Error response from daemon: container " + id + ": non-shareable IPC (hint: use "
        + "IpcMode:shareable for the donor container).\nSee 'docker run --help'.\n", refused.err());
    t.run("docker stop -t 1 private");
    Transcript.Result stopped = t.run("docker run --rm --pid container:private busybox true");
    assertEquals("docker: Error response from daemon: cannot join PID of a non running container: " + id
        + ".\nSee 'docker run --help'.\n", stopped.err());
    t.run("docker create --name joiner --pid container:donor busybox true");
    assertEquals(" shareable\ncontainer:donor private\n",
        t.run("docker inspect -f '{{.HostConfig.PidMode}} {{.HostConfig.IpcMode}}' donor joiner").out());
    t.run("docker rm -f donor private joiner");
  }

  @Test
  void utsHostCgroupnsPrivateAndIpcNone() throws Exception {
    String host = String.join("", Files.readAllLines(Path.of("/proc/sys/kernel/hostname"))).strip();
    assertEquals(host + "\n", t.run("docker run --rm --uts host busybox hostname").out());
    Transcript.Result both = t.run("docker run --rm --uts host -h other busybox true");
    assertEquals("docker: Error response from daemon: conflicting options: hostname and the UTS mode.\n"
        + "See 'docker run --help'.\n", both.err());
    assertTrue(t.run("docker run --rm --cgroupns private busybox cat /proc/self/cgroup").out().contains(":pids:/\n"));
    assertFalse(t.run("docker run --rm --cgroupns host busybox cat /proc/self/cgroup").out().contains(":pids:/\n"));
    Transcript.Result none = t.run("docker run --rm --ipc none busybox ls /dev/shm");
    assertEquals("ls: /dev/shm: No such file or directory\n", none.err());
    assertEquals("docker: --pid: invalid PID mode.\nSee 'docker run --help'.\n",
        t.run("docker run --rm --pid sibling busybox true").err());
    assertEquals("docker: Error response from daemon: invalid IPC mode: sibling.\nSee 'docker run --help'.\n",
        t.run("docker run --rm --ipc sibling busybox true").err());
  }

  @Test
  void dnsExtraHostsAndDomainnameAreInTheEtcFiles() {
    Transcript.Result r = t.run("docker run --rm --dns 1.1.1.1 --dns-search example.com --dns-option ndots:2 "
        + "--add-host db:10.0.0.5 --add-host gw:host-gateway -h web --domainname example.org busybox "
        + "sh -c 'grep -v ^# /etc/resolv.conf; grep -E \"db|gw|web\" /etc/hosts; hostname -d'");
    String gateway = t.run("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' bridge").out()
        .strip();
    assertTrue(r.out().startsWith("nameserver 1.1.1.1\nsearch example.com\noptions ndots:2\n10.0.0.5\tdb\n"
        + gateway + "\tgw\n"), r.out() + r.err());
    assertTrue(r.out().endsWith("\tweb.example.org web\nexample.org\n"), r.out());
    assertEquals("docker: invalid argument \"nohost\" for \"--add-host\" flag: bad format for add-host: \"nohost\".\n"
        + "See 'docker run --help'.\n", t.run("docker run --rm --add-host nohost busybox true").err());
    t.run("docker create --name dnsd --dns 9.9.9.9 --add-host db:10.0.0.5 --domainname example.org busybox true");
    assertEquals("[9.9.9.9] [db:10.0.0.5] example.org\n", t.run("docker inspect -f '{{.HostConfig.Dns}} "
        + "{{.HostConfig.ExtraHosts}} {{.Config.Domainname}}' dnsd").out());
    t.run("docker rm dnsd");
  }

  @Test
  void aliasesFixedAddressAndMacOnAUserNetwork() {
    t.run("docker network create --subnet 10.89.7.0/24 nsnet");
    try {
      Transcript.Result srv = t.run("docker run -d --name srv --network nsnet --network-alias api --ip 10.89.7.50 "
          + "--mac-address 02:42:0a:59:07:32 --link-local-ip 169.254.10.10 busybox sleep 300");
      assertEquals(0, srv.status(), srv.err());
      Transcript.Result ping = t.run("docker run --rm --network nsnet busybox ping -c 1 -W 2 api");
      assertTrue(ping.out().contains("64 bytes from 10.89.7.50"), ping.out() + ping.err());
      String addr = t.run("docker exec srv ip addr show eth0").out();
      assertTrue(addr.contains("link/ether 02:42:0a:59:07:32"), addr);
      assertTrue(addr.contains("inet 10.89.7.50/24"), addr);
      assertTrue(addr.contains("inet 169.254.10.10/16"), addr);
      assertEquals("[api] 10.89.7.50 02:42:0a:59:07:32\n", t.run("docker inspect -f '{{range .NetworkSettings"
          + ".Networks}}{{.Aliases}} {{.IPAMConfig.IPv4Address}} {{.MacAddress}}{{end}}' srv").out());
      assertEquals("docker: Error response from daemon: invalid config for network nsnet: invalid endpoint settings: "
          + "no configured subnet or ip-range contain the IP address 10.1.1.1.\nSee 'docker run --help'.\n",
          t.run("docker run --rm --network nsnet --ip 10.1.1.1 busybox true").err());
      assertEquals("docker: Error response from daemon: invalid config for network nsnet: invalid endpoint settings: "
          + "user specified IP address is supported only when connecting to networks with user configured subnets."
          + "\nSee 'docker run --help'.\n", t.run("docker run --rm --network nsnet --ip6 2001:db8::33 busybox true")
          .err());
      assertEquals("docker: Error response from daemon: invalid config for network bridge: invalid endpoint "
          + "settings: user specified IP address is supported on user defined networks only.\n"
          + "See 'docker run --help'.\n", t.run("docker run --rm --ip 172.17.9.9 busybox true").err());
      assertEquals("docker: Error response from daemon: invalid config for network bridge: invalid endpoint "
          + "settings: network-scoped alias is supported only for containers in user defined networks.\n"
          + "See 'docker run --help'.\n", t.run("docker run --rm --network-alias x busybox true").err());
    } finally {
      t.run("docker rm -f srv");
      t.run("docker network rm nsnet");
    }
  }

  @Test
  void legacyLinksPutTheAliasInEtcHostsAndTheEnvironment() {
    t.run("docker run -d --name db -e ROLE=primary --expose 5432 busybox sleep 300");
    String ip = t.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' db").out().strip();
    String shortId = t.run("docker inspect -f '{{.Id}}' db").out().substring(0, 12);
    Transcript.Result r = t.run("docker run --rm --name web --link db:mydb busybox sh -c "
        + "'grep mydb /etc/hosts; ping -c 1 -W 2 mydb >/dev/null && echo reached'");
    assertEquals(ip + "\tmydb " + shortId + " db\nreached\n", r.out(), r.err());
    Transcript.Result env = t.run("docker run --rm --name web --link db:mydb busybox sh -c 'env | grep ^MYDB_ | sort'");
    assertEquals("MYDB_ENV_ROLE=primary\nMYDB_NAME=/web/mydb\nMYDB_PORT=tcp://" + ip + ":5432\n"
        + "MYDB_PORT_5432_TCP=tcp://" + ip + ":5432\nMYDB_PORT_5432_TCP_ADDR=" + ip + "\n"
        + "MYDB_PORT_5432_TCP_PORT=5432\nMYDB_PORT_5432_TCP_PROTO=tcp\n", env.out(), env.err());
    t.run("docker create --name web2 --link db:mydb busybox true");
    assertEquals("[/db:/web2/mydb]\n", t.run("docker inspect -f '{{.HostConfig.Links}}' web2").out());
    assertEquals("docker: Error response from daemon: could not get container for nosuch.\n"
        + "See 'docker run --help'.\n", t.run("docker run --rm --link nosuch:x busybox true").err());
    t.run("docker stop -t 1 db");
    assertEquals("docker: Error response from daemon: Cannot link to a non running container: /db AS /web3/db.\n"
        + "See 'docker run --help'.\n", t.run("docker run --rm --name web3 --link db busybox true").err());
    t.run("docker rm -f db web2");
  }
}
