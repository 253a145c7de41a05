package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real docker CLI's {@code docker run} with the namespace, network-identity and init flags, against docklab's
 * daemon: the same container as the REPL's run makes, checked inside it and in {@code docker inspect}.
 */
class DockerCliNamespacesIT {
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
      docker.run("rm", "-f", "srv", "donor"); // what a failed test left on the network, which rm would refuse
      docker.run("network", "rm", "clinet");
      f.close();
    }
  }

  @Test
  void initDnsHostsAndDomainnameReachTheContainer() throws Exception {
    DockerCli.Result ps = docker.run("run", "--rm", "--init", "busybox", "ps", "-o", "pid,args");
    assertTrue(ps.out().contains("\n    1 /sbin/docker-init -- ps -o pid,args\n"), ps.out() + ps.err());
    DockerCli.Result etc = docker.run("run", "--rm", "--dns", "1.1.1.1", "--dns-search", "example.com",
        "--dns-option", "ndots:2", "--add-host", "db:10.0.0.5", "-h", "web", "--domainname", "example.org",
        "busybox", "sh", "-c", "grep -v ^# /etc/resolv.conf; grep -E 'db|web' /etc/hosts; hostname -d");
    assertTrue(etc.out().startsWith("nameserver 1.1.1.1\nsearch example.com\noptions ndots:2\n10.0.0.5\tdb\n"),
        etc.out() + etc.err());
    assertTrue(etc.out().endsWith("\tweb.example.org web\nexample.org\n"), etc.out());
    docker.run("create", "--name", "described", "--init", "--dns", "9.9.9.9", "--add-host", "db:10.0.0.5",
        "--pid", "host", "--ipc", "shareable", "--uts", "host", "--cgroupns", "private", "busybox", "true");
    DockerCli.Result inspect = docker.run("inspect", "-f", "{{.HostConfig.Init}} {{.HostConfig.Dns}} "
        + "{{.HostConfig.ExtraHosts}} {{.HostConfig.PidMode}} {{.HostConfig.IpcMode}} {{.HostConfig.UTSMode}} "
        + "{{.HostConfig.CgroupnsMode}}", "described");
    assertEquals("true [9.9.9.9] [db:10.0.0.5] host shareable host private\n", inspect.out(), inspect.err());
    docker.run("rm", "described");
  }

  @Test
  void pidAndIpcOfAnotherContainerAreJoined() throws Exception {
    docker.run("run", "-d", "--name", "donor", "--ipc", "shareable", "busybox", "sh", "-c",
        "echo shared > /dev/shm/note; exec sleep 300");
    DockerCli.Result ps = docker.run("run", "--rm", "--pid", "container:donor", "busybox", "ps", "-o", "pid,args");
    assertTrue(ps.out().contains("\n    1 sleep 300\n"), ps.out() + ps.err());
    assertEquals("shared\n", docker.run("run", "--rm", "--ipc", "container:donor", "busybox", "cat",
        "/dev/shm/note").out());
    docker.run("rm", "-f", "donor");
    DockerCli.Result gone = docker.run("run", "--rm", "--pid", "container:donor", "busybox", "true");
    assertEquals(125, gone.status());
    assertTrue(gone.err().contains("No such container: donor"), gone.err());
  }

  @Test
  void aliasFixedAddressAndMacOnAUserNetwork() throws Exception {
    assertEquals(0, docker.run("network", "create", "--subnet", "10.89.8.0/24", "clinet").status());
    DockerCli.Result srv = docker.run("run", "-d", "--name", "srv", "--network", "clinet", "--network-alias", "api",
        "--ip", "10.89.8.50", "--mac-address", "02:42:0a:59:08:32", "busybox", "sleep", "300");
    assertEquals(0, srv.status(), srv.err());
    DockerCli.Result ping = docker.run("run", "--rm", "--network", "clinet", "busybox", "ping", "-c", "1", "-W", "2",
        "api");
    assertTrue(ping.out().contains("64 bytes from 10.89.8.50"), ping.out() + ping.err());
    String addr = docker.run("exec", "srv", "ip", "addr", "show", "eth0").out();
    assertTrue(addr.contains("link/ether 02:42:0a:59:08:32") && addr.contains("inet 10.89.8.50/24"), addr);
    assertEquals("[api] 10.89.8.50\n", docker.run("inspect", "-f", "{{range .NetworkSettings.Networks}}"
        + "{{.Aliases}} {{.IPAMConfig.IPv4Address}}{{end}}", "srv").out());
    DockerCli.Result bridge = docker.run("run", "--rm", "--ip", "172.17.9.9", "busybox", "true");
    assertEquals(125, bridge.status());
    assertTrue(bridge.err().contains("user specified IP address is supported on user defined networks only"),
        bridge.err());
    docker.run("rm", "-f", "srv");
  }
}
