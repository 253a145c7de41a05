package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.storage.Mounts;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docker network connect|disconnect}: a running container gets an interface on a user network and leaves it. */
class NetworkConnectIT {
  static Transcript t;

  @BeforeAll
  static void setUp() throws Exception {
    t = new Transcript(Files.createTempDirectory("docklab-connect-"));
    assertEquals(0, t.run("docker network create joinnet").status());
    assertEquals(0, t.run("docker run -d --name member --network joinnet busybox sleep 600").status());
    assertEquals(0, t.run("docker run -d --name outsider busybox sleep 600").status());
  }

  @AfterAll
  static void tearDown() throws Exception {
    t.destroy();
    assertTrue(Mounts.under(t.root).isEmpty());
  }

  @Test
  void connectGivesAnInterfaceAndANameDisconnectTakesThemAway() {
    assertEquals(1, t.run("docker exec outsider ping -c 1 -W 1 member").status(), "not on joinnet yet");
    Transcript.Result c = t.run("docker network connect --alias helper joinnet outsider");
    assertEquals(0, c.status(), c.err());
    String addr = inet(t.run("docker exec outsider ip -4 addr show eth1").out());
    String memberAddr = inet(t.run("docker exec member ip -4 addr show eth0").out());
    assertEquals(memberAddr.substring(memberAddr.indexOf('/')), addr.substring(addr.indexOf('/')));
    assertEquals(memberAddr.substring(0, memberAddr.lastIndexOf('.')), addr.substring(0, addr.lastIndexOf('.')),
        addr + " is on joinnet beside " + memberAddr);
    Transcript.Result ping = t.run("docker exec outsider ping -c 1 -W 2 member");
    assertEquals(0, ping.status(), ping.out() + ping.err());
    assertEquals(0, t.run("docker exec member ping -c 1 -W 2 outsider").status(), "names resolve both ways");
    assertEquals(0, t.run("docker exec member ping -c 1 -W 2 helper").status(), "and the alias");
    assertEquals("Error response from daemon: endpoint with name outsider already exists in network joinnet\n",
        t.run("docker network connect joinnet outsider").err());
    Transcript.Result d = t.run("docker network disconnect joinnet outsider");
    assertEquals(0, d.status(), d.err());
    assertEquals(1, t.run("docker exec outsider ip addr show eth1").status(), "the interface is gone");
    assertEquals(1, t.run("docker exec member ping -c 1 -W 1 outsider").status());
    String id = t.run("docker inspect -f '{{.Id}}' outsider").out().strip();
    assertEquals("Error response from daemon: container " + id + " is not connected to network joinnet\n",
        t.run("docker network disconnect joinnet outsider").err());
  }

  /** The address and prefix of {@code ip -4 addr show} output: {@code 10.1.0.3/24}. */
  private static String inet(String ipAddr) {
    return ipAddr.lines().map(String::strip).filter(l -> l.startsWith("inet ")).map(l -> l.split(" ")[1])
        .findFirst().orElseThrow(() -> new AssertionError("no inet in " + ipAddr));
  }

  @Test
  void dockersErrorsForWhatCannotBeConnected() {
    assertEquals("Error response from daemon: network nonet not found\n",
        t.run("docker network connect nonet outsider").err());
    assertEquals("Error response from daemon: No such container: nobody\n",
        t.run("docker network connect joinnet nobody").err());
  }

  @Test
  void aConnectionEndsWithTheContainer() {
    t.run("docker run -d --name shortlived busybox sleep 600");
    assertEquals(0, t.run("docker network connect joinnet shortlived").status());
    t.run("docker rm -f shortlived");
    assertEquals(1, t.run("docker exec member ping -c 1 -W 1 shortlived").status());
    assertTrue(t.run("docker exec member cat /etc/hosts").out().lines().noneMatch(l -> l.contains("shortlived")));
  }

  @Test
  void aNetworkWithAConnectedContainerIsNeitherRemovedNorPruned() {
    t.run("docker network create spare");
    t.run("docker run -d --name holder busybox sleep 600");
    assertEquals(0, t.run("docker network connect spare holder").status());
    assertTrue(t.run("docker inspect -f '{{json .NetworkSettings.Networks}}' holder").out().contains("\"spare\":{"),
        "inspect lists the connected network");
    assertEquals("1\n", t.run("docker network inspect -f '{{len .Containers}}' spare").out());
    Transcript.Result rm = t.run("docker network rm spare");
    assertEquals(1, rm.status());
    assertTrue(rm.err().contains("has active endpoints"), rm.err());
    assertTrue(t.run("docker network prune -f").out().lines().noneMatch(l -> l.equals("spare")));
    t.run("docker rm -f holder");
    assertEquals("spare\n", t.run("docker network rm spare").out());
  }
}
