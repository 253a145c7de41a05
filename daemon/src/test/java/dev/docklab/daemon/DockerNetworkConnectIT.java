package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real docker CLI's {@code docker network connect|disconnect} against docklab's daemon. */
class DockerNetworkConnectIT {
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
      f.docker.run("rm", "-f", "m1", "m2");
      f.docker.run("network", "rm", "clinet");
      f.close();
    }
  }

  @Test
  void connectAndDisconnectThroughTheCli() throws Exception {
    assertEquals(0, docker.run("network", "create", "clinet").status());
    assertEquals(0, docker.run("run", "-d", "--name", "m1", "--network", "clinet", "busybox", "sleep", "600").status());
    assertEquals(0, docker.run("run", "-d", "--name", "m2", "busybox", "sleep", "600").status());
    DockerCli.Result c = docker.run("network", "connect", "--alias", "buddy", "clinet", "m2");
    assertEquals(0, c.status(), c.err());
    assertEquals(0, docker.run("exec", "m1", "ping", "-c", "1", "-W", "2", "buddy").status());
    assertEquals(0, docker.run("exec", "m2", "ping", "-c", "1", "-W", "2", "m1").status());
    DockerCli.Result again = docker.run("network", "connect", "clinet", "m2");
    assertEquals("Error response from daemon: endpoint with name m2 already exists in network clinet\n", again.err());
    assertEquals(0, docker.run("network", "disconnect", "clinet", "m2").status());
    assertEquals(1, docker.run("exec", "m2", "ip", "addr", "show", "eth1").status());
    assertEquals("Error response from daemon: network nonet not found\n",
        docker.run("network", "connect", "nonet", "m2").err());
  }
}
