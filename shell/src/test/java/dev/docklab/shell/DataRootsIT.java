package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.docklab.engine.storage.Mounts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two data roots on one host share its ports and its addresses: a host port that one root publishes
 * is refused to the other with Docker's message, as is a port a host program listens on; same-named
 * user networks get subnets and leases of their own, and removing one leaves the other's alone.
 */
class DataRootsIT {
  static Transcript a;
  static Transcript b;

  @BeforeAll
  static void setUp() throws Exception {
    a = new Transcript(Files.createTempDirectory("docklab-roots-a-"));
    b = new Transcript(Files.createTempDirectory("docklab-roots-b-"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    for (Transcript t : List.of(a, b)) {
      t.destroy();
      assertTrue(Mounts.under(t.root).isEmpty());
    }
  }

  @Test
  void aHostPortPublishedFromOneDataRootIsRefusedToAnother() throws Exception {
    int port = NetworkIT.freePort();
    assertEquals(0, a.run("docker run -d -p " + port + ":80 --name wa web").status());
    for (String spec : List.of(port + ":80", "127.0.0.1:" + port + ":80")) {
      Transcript.Result taken = b.run("docker create -p " + spec + " --name wb web");
      assertEquals(0, taken.status(), taken.err());
      Transcript.Result start = b.run("docker start wb");
      assertEquals(1, start.status(), start.out());
      String shown = spec.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
      assertTrue(start.err().contains("Bind for " + shown + ":" + port + " failed: port is already allocated"),
          start.err());
      assertEquals("created\n", b.run("docker inspect -f '{{.State.Status}}' wb").out());
      b.run("docker rm wb");
    }
    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"));
    assertTrue(a.run("docker logs wa").err().contains("response:200"), "the first root's container answered");

    a.run("docker rm -f wa");
    assertEquals(0, b.run("docker run -d -p " + port + ":80 --name wb web").status(), "released: the port is free");
    assertTrue(NetworkIT.getSoon("127.0.0.1", port).contains("docklab's web image"));
    b.run("docker rm -f wb");
  }

  @Test
  void aPortAHostProgramListensOnIsRefused() throws Exception {
    try (ServerSocket local = new ServerSocket()) {
      local.bind(new InetSocketAddress("127.0.0.1", 0));
      Transcript.Result r = b.run("docker run -d -p " + local.getLocalPort() + ":80 --name busy web");
      assertEquals(125, r.status());
      assertTrue(r.err().contains("Bind for 0.0.0.0:" + local.getLocalPort() + " failed: port is already allocated"),
          r.err());
      b.run("docker rm busy");
    }
  }

  @Test
  void sameNamedUserNetworksInTwoDataRootsKeepTheirSubnetsAndLeasesApart() throws Exception {
    assertEquals(0, a.run("docker network create shared").status());
    assertEquals(0, b.run("docker network create shared").status());
    String subnetA = subnet(a, "shared");
    String subnetB = subnet(b, "shared");
    assertNotEquals(subnetA, subnetB, "two roots, one subnet");
    Transcript.Result overlap = b.run("docker network create --subnet " + subnetA + " other");
    assertTrue(overlap.err().contains("Pool overlaps with other one on this address space"), overlap.err());

    String ca = a.run("docker run -d --network shared --name ca busybox sleep 120").out().strip();
    String cb = b.run("docker run -d --network shared --name cb busybox sleep 120").out().strip();
    String ipB = ip(b, "cb");
    assertTrue(leased(cb), "a lease for " + cb);
    a.run("docker rm -f ca");
    assertEquals("shared\n", a.run("docker network rm shared").out());
    assertFalse(leased(ca));
    assertTrue(leased(cb), "the other root's lease survives network rm");
    b.run("docker run -d --network shared --name cb2 busybox sleep 120");
    assertNotEquals(ipB, ip(b, "cb2"), "a new container does not get a running one's address");
    b.run("docker rm -f cb cb2");
    assertEquals("shared\n", b.run("docker network rm shared").out());
  }

  @Test
  void aUserNetworkWhoseSubnetWasTakenWhileItsBridgeWasGoneIsRefused() throws Exception {
    String id = a.run("docker network create gone").out().strip();
    String subnet = subnet(a, "gone");
    Process delete = new ProcessBuilder("ip", "link", "delete", "dl-" + id.substring(0, 12)).start();
    assertEquals(0, delete.waitFor(), "its bridge goes, as at a reboot");
    assertEquals(0, b.run("docker network create --subnet " + subnet + " taker").status());
    Transcript.Result refused = a.run("docker run --rm --network gone busybox true");
    assertEquals(125, refused.status());
    assertTrue(refused.err().contains("network gone: Pool overlaps with other one on this address space"),
        refused.err());
    assertEquals("taker\n", b.run("docker network rm taker").out());
    Transcript.Result again = a.run("docker run --rm --network gone busybox true");
    assertEquals(0, again.status(), "its subnet is free again, its bridge made again: " + again.err());
    assertEquals("gone\n", a.run("docker network rm gone").out());
  }

  static String subnet(Transcript t, String network) {
    return t.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' " + network).out().strip();
  }

  static String ip(Transcript t, String container) {
    return t.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' " + container)
        .out().strip();
  }

  /** Whether any docklab network holds an address lease for that container. */
  static boolean leased(String containerId) throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("/run/docklab/ipam"))) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (Files.readString(f).contains(containerId)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
